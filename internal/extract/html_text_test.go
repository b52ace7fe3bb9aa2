package extract

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func parseFragment(t *testing.T, s string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader("<html><body>" + s + "</body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestBodyText(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"paragraphs", "<p>One  two\n three.</p><p>Four.</p>", "One two three.\n\nFour."},
		{"inline elements keep their spaces", "<p>a <b>bold</b> word, <i>then</i> more</p>", "a bold word, then more"},
		{"trimmed inline boundary gets a space", "<p>I have to <em>market</em>it now.Next</p>", "I have to market it now.Next"},
		{"punctuation after an element is not spaced", "<p>See <a>this</a>, and <a>that</a>.</p>", "See this, and that."},
		{"apostrophe before an element", "<p>it’<b>s</b> here</p>", "it’s here"},
		{"drop cap joins its word", "<p><span>W</span>hile it rained</p>", "While it rained"},
		{"no space between CJK runs", "<p><b>東京</b>タワー</p>", "東京タワー"},
		{"br is a line break", "<p>line one<br>line two<br><br>line three</p>", "line one\nline two\nline three"},
		{"pre keeps white space", "<pre>a  b\n  c</pre>", "a  b\n  c"},
		{"table cells are spaced, rows are blocks", "<table><tr><td>Pos</td><td>Name</td></tr><tr><td>1</td><td>Ada</td></tr></table>", "Pos Name\n\n1 Ada"},
		{"lists", "<ul><li>first</li><li>second</li></ul>", "first\n\nsecond"},
		{"scripts and buttons are not text", "<p>text<script>var x;</script><button>Share</button></p>", "text"},
		{"soft hyphens dropped", "<p>co\u00adoperation</p>", "cooperation"},
		{"punctuation-only blocks dropped", "<p>·</p><p>|</p><p>Body.</p>", "Body."},
		{"NFC", "<p>cafe\u0301</p>", "café"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := bodyText(parseFragment(t, tt.in), "", htmlTrimRules{})
			if got != tt.want {
				t.Errorf("bodyText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestBodyText_BuiltNodes covers trees built by the extractor, whose
// elements carry a tag name but no atom.
func TestBodyText_BuiltNodes(t *testing.T) {
	root := &html.Node{Type: html.ElementNode, Data: "body"}
	for _, s := range []string{"first", "second"} {
		p := &html.Node{Type: html.ElementNode, Data: "p"}
		p.AppendChild(&html.Node{Type: html.TextNode, Data: s})
		root.AppendChild(p)
	}
	if got, _ := bodyText(root, "", htmlTrimRules{}); got != "first\n\nsecond" {
		t.Errorf("bodyText = %q, want %q", got, "first\n\nsecond")
	}
}

func TestHTMLTrimRules_Apply(t *testing.T) {
	all := htmlTrimRules{title: true, leadHeadings: true, tailHeadings: true, furniture: true}
	prose := "This paragraph of the article is written as prose and it is long enough to count as the body."
	h := func(s string) htmlBlock { return htmlBlock{text: s, kind: blockHeading} }
	p := func(s string) htmlBlock { return htmlBlock{text: s, kind: blockPara} }
	li := func(s string) htmlBlock { return htmlBlock{text: s, kind: blockItem} }
	tests := []struct {
		name        string
		rules       htmlTrimRules
		title       string
		in          []htmlBlock
		want        []string
		wantRemoved []string
	}{
		{
			name: "title and standfirst", rules: all, title: "Big News | Site",
			in:   []htmlBlock{h("Big News — Site"), h("A standfirst that sums it up"), p(prose)},
			want: []string{prose}, wantRemoved: []string{"Big News — Site", "A standfirst that sums it up"},
		},
		{
			name: "headings only are kept", rules: all,
			in:   []htmlBlock{h("Just a heading"), h("And another")},
			want: []string{"Just a heading", "And another"},
		},
		{
			name: "teaser tail", rules: all,
			in:          []htmlBlock{p(prose), h("Teaser one"), p("Its short dek"), h("Teaser two"), p("Another dek")},
			want:        []string{prose},
			wantRemoved: []string{"Teaser one", "Its short dek", "Teaser two", "Another dek"},
		},
		{
			name: "section heading with a table is body", rules: all,
			in:   []htmlBlock{p(prose), h("Results"), li("1 Ada 50"), li("2 Bo 40")},
			want: []string{prose, "Results", "1 Ada 50", "2 Bo 40"},
		},
		{
			name: "furniture at both ends", rules: all,
			in: []htmlBlock{p("Share on Facebook Twitter Email"), p(prose), p(prose),
				p("Follow us on Twitter for more local news."), p("© 2024 Example Media. All rights reserved."), p("editor@news.example https://news.example")},
			want: []string{prose, prose},
			wantRemoved: []string{"Share on Facebook Twitter Email", "Follow us on Twitter for more local news.",
				"© 2024 Example Media. All rights reserved.", "editor@news.example https://news.example"},
		},
		{
			name: "inline furniture between paragraphs", rules: all,
			in:          []htmlBlock{p(prose), p("Read more: Another story entirely"), p("Advertisement"), p(prose)},
			want:        []string{prose, prose},
			wantRemoved: []string{"Read more: Another story entirely", "Advertisement"},
		},
		{
			name: "a quotation mentioning subscriptions is body", rules: all,
			in:   []htmlBlock{p(prose), p("“Who will still pay for a digital subscription?” she asked.")},
			want: []string{prose, "“Who will still pay for a digital subscription?” she asked."},
		},
		{
			name: "never empties the body", rules: all,
			in:   []htmlBlock{p("Subscribe to our newsletter")},
			want: []string{"Subscribe to our newsletter"},
		},
		{
			name: "rules off", rules: htmlTrimRules{}, title: "T",
			in:   []htmlBlock{h("T"), p(prose), p("Advertisement")},
			want: []string{"T", prose, "Advertisement"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kept, removed := tt.rules.apply(tt.in, tt.title)
			var got []string
			for _, b := range kept {
				got = append(got, b.text)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("kept = %q, want %q", got, tt.want)
			}
			if !slices.Equal(removed, tt.wantRemoved) {
				t.Errorf("removed = %q, want %q", removed, tt.wantRemoved)
			}
		})
	}
}

func TestIsFurnitureBlock(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Subscribe to our newsletter", true},
		{"Sign up for the morning briefing", true},
		{"You must log in to post a comment.", true},
		{"Copyright 2024 Example Media", true},
		{"Whatsapp Facebook Pint Baixar", true},
		{"@reporter", true},
		{"The minister said the subscribers would get refunds.", false},
		{"He signed up for the army in 1998.", false}, // phrases match whole words only
		{"", false},
	}
	for _, tt := range tests {
		if got := isFurnitureBlock(tt.in); got != tt.want {
			t.Errorf("isFurnitureBlock(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
