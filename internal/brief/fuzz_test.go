package brief

import (
	"bytes"
	"fmt"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/lang"
	"github.com/parallax-news/parallax/internal/news"
)

// fuzzStory builds one to four articles from fuzz bytes. The first byte
// chooses the number of articles and whether texts are normalised as
// ingest does; the rest is split on 0x00 into articles, each a title line
// then the text. Every other article is dated; with bit 3 of the first
// byte, the articles after the first are copies of it.
func fuzzStory(data []byte) ([]*news.Article, map[string]string) {
	if len(data) == 0 {
		return nil, nil
	}
	head, rest := data[0], data[1:]
	n := 1 + int(head%4)
	normalise := head&4 != 0
	chunks := bytes.SplitN(rest, []byte{0}, n)
	var arts []*news.Article
	copyOf := map[string]string{}
	for i, c := range chunks {
		title, text := "", string(c)
		if k := bytes.IndexByte(c, '\n'); k >= 0 {
			title, text = string(c[:k]), string(c[k+1:])
		}
		if normalise {
			title, text = lang.Normalize(title), lang.Normalize(text)
		}
		a := &news.Article{
			ID: fmt.Sprintf("f%d", i), Source: fmt.Sprintf("Outlet %c", 'A'+i), Title: title, Text: text,
			Language: "en", Sentences: lang.Sentences(text),
		}
		if i%2 == 0 {
			a.Published = news.Time{T: time.Date(2031, 5, 10+i, 8, 0, 0, 0, time.UTC), Precision: news.PrecisionDay}
		}
		arts = append(arts, a)
		if i > 0 && head&8 != 0 {
			copyOf[a.ID] = "f0"
		}
	}
	return arts, copyOf
}

func FuzzAnalyze(f *testing.F) {
	for _, seed := range []string{
		"\x05Ferry strike\nCrews of the Norrline ferries are preparing a strike in June, three crew members told the Island Post.\x00Operator denies\nNorrline on Wednesday denied the report. \"There is no strike planned,\" spokeswoman Ada Krantz said on May 14, 2031.",
		"\x0e\n\x00\n\x00",
		"\x07„Kein Streik“\n„Es ist kein Streik geplant“, sagte Sprecherin Ada Krantz am 14. Mai 2031.\x00渡轮\n发言人说：“没有任何罢工计划。”\x00Паром\nКомпания опровергла эти сообщения 14 мая 2031 года.",
		"\x0b\"\"\"\n''''''\x00“”“”\n« »\x00[\n]",
		"\x01Title only",
		"\x02a\nOn March 3 the day before last month, in October, on Friday, 2031-02-30, 99/99/9999 he said.\x00b\n\xff\xfe invalid \xc3 bytes said.",
		"0я 1 мая 1000 о\xd0", // invalid UTF-8 at the end: JSON writes it as \ufffd
		"\x0dHeadline\nOfficials said. Officials said. Officials said. Officials denied it. Officials denied it.\x00Headline\nOfficials said. Officials said.",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		arts, copyOf := fuzzStory(data)
		valid := true
		for _, a := range arts {
			valid = valid && utf8.ValidString(a.Text) && utf8.ValidString(a.Title)
		}
		b, err := analyzeSafe(arts, copyOf)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range violations(arts, b, valid) {
			t.Error(v)
		}
	})
}
