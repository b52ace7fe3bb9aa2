package queue

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestSourceJobs(t *testing.T) {
	dir := t.TempDir()
	recs := "{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"y\"}\n{\"id\":\"c\",\"text\":\"z\"}\n"
	jsonl := filepath.Join(dir, "batch.jsonl")
	if err := os.WriteFile(jsonl, []byte(recs), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		in        string
		split     int
		wantKinds []Kind
		wantFirst string // a prefix of the first job's payload
	}{
		{"stdin split", "-", 2, []Kind{KindRecords, KindRecords}, `{"id":"a"`},
		{"url", "https://news.example/feed.xml", 2, []Kind{KindSource}, "https://news.example/feed.xml"},
		{"text file by absolute path", "page.html", 2, []Kind{KindSource}, "/"},
		{"json file split", jsonl, 2, []Kind{KindRecords, KindRecords}, `{"id":"a"`},
		{"json file whole", jsonl, 0, []Kind{KindSource}, jsonl},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			jobs, err := SourceJobs(tt.in, strings.NewReader(recs), tt.split)
			if err != nil {
				t.Fatal(err)
			}
			var got []Kind
			for _, j := range jobs {
				got = append(got, j.Kind)
			}
			if strings.Join(kindStrings(got), ",") != strings.Join(kindStrings(tt.wantKinds), ",") {
				t.Fatalf("kinds = %v, want %v", got, tt.wantKinds)
			}
			if !strings.HasPrefix(jobs[0].Payload, tt.wantFirst) {
				t.Errorf("first payload = %q, want prefix %q", jobs[0].Payload, tt.wantFirst)
			}
		})
	}
	if _, err := SourceJobs("-", nil, 2); err == nil {
		t.Error("SourceJobs(-) without stdin: no error")
	}
}

func kindStrings(ks []Kind) []string {
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = string(k)
	}
	return out
}

func TestFileJobs(t *testing.T) {
	recs := []byte("{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"y\"}\n{\"id\":\"c\",\"text\":\"z\"}\n")
	jobs, err := FileJobs("upload.jsonl", recs, 2)
	if err != nil || len(jobs) != 2 || jobs[0].Kind != KindRecords || jobs[0].Label != "upload.jsonl records 1-2" {
		t.Errorf("FileJobs(jsonl) = %+v, %v; want 2 record jobs", jobs, err)
	}
	body := []byte("Some text\x00with a NUL and \xff invalid UTF-8.")
	jobs, err = FileJobs("../dir/dam-vote.txt", body, 2)
	if err != nil || len(jobs) != 1 || jobs[0].Kind != KindFile || jobs[0].Label != "dam-vote.txt" {
		t.Fatalf("FileJobs(txt) = %+v, %v; want one file job", jobs, err)
	}
	if strings.IndexByte(jobs[0].Payload, 0) >= 0 {
		t.Error("the payload carries a NUL byte")
	}
	p, err := decodeFile(jobs[0].Payload)
	if err != nil || p.Name != "dam-vote.txt" || string(p.Body) != string(body) {
		t.Errorf("decodeFile = %q %q, %v; want the name and the bytes back", p.Name, p.Body, err)
	}
	if _, err := FileJobs("empty.txt", nil, 2); err == nil {
		t.Error("FileJobs of an empty file: no error")
	}
	if _, err := decodeFile(`{"name":"../etc/passwd","body":"eA=="}`); err == nil {
		t.Error("decodeFile accepted a name with a path")
	}
}

func TestWorker_FileJobs(t *testing.T) {
	db, q, _ := openBoth(t)
	const text = "The Varnholt council voted on Monday to raise the reservoir dam by four metres.\n\n" +
		"Engineers from the Quessary office said the work would take two years and cost eleven million."
	const rss = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Lindmoor Post</title><link>http://example.invalid/</link>
<item><title>Tram drivers in Lindmoor walk out</title><link>http://example.invalid/b</link>
<pubDate>Tue, 04 Mar 2025 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Tram drivers in Lindmoor stopped work on Tuesday over rosters. The operator said talks would resume on Friday.&lt;/p&gt;</description></item>
</channel></rss>`
	txt, err := FileJobs("dam-vote.txt", []byte(text), 50)
	if err != nil {
		t.Fatal(err)
	}
	fd, err := FileJob("feed", "http://example.invalid/feed.xml", []byte(rss))
	if err != nil {
		t.Fatal(err)
	}
	bad := Job{Kind: KindFile, Payload: `{"name":"../x.txt","body":"eA=="}`, Label: "bad"}
	if _, err := q.Enqueue(t.Context(), append(txt, fd, bad)); err != nil {
		t.Fatal(err)
	}
	w := NewWorker(db, q, WorkerOptions{Jobs: 1, Drain: true, Poll: 20 * time.Millisecond})
	if err := w.Run(t.Context()); err != nil {
		t.Fatal(err)
	}
	st, err := q.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if st.Done != 2 || st.Failed != 1 || st.Analysed != 2 {
		fails, _ := q.Failures(t.Context(), 5)
		t.Fatalf("Stats = %+v, want 2 jobs done, the bad one failed, 2 articles analysed (%q)", st, fails)
	}
	// The id rule of files: the base name without its extensions.
	a, err := db.Article(t.Context(), "dam-vote")
	if err != nil {
		t.Fatalf("Article(dam-vote): %v", err)
	}
	if !strings.Contains(a.Text, "reservoir dam") {
		t.Errorf("stored text = %q", a.Text)
	}
	m, err := db.StoryMap(t.Context())
	if err != nil || len(m) != 2 {
		t.Errorf("StoryMap = %v, %v; want the file and the feed item assigned", m, err)
	}
}
