package extract

import (
	"fmt"
	"strings"
	"sync"
	"testing"
)

func TestLineKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Subscribe", "subscribe"},
		{"  Sign   up\tnow ", "sign up now"},
		{"Join 12,000 readers", "join 0 readers"},
		{"Join 13,500 readers", "join 0 readers"},
		{"11:54 PM", "0:0 pm"},
		{"It’s “free”", "it's \"free\""},
		{"Title – Report", "title - report"},
		{"Price: $4.5 billion", "price: $0 billion"},
		{"", ""},
		{"ÉTÉ\u00a0Ünter", "été ünter"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := LineKey(tt.in); got != tt.want {
				t.Errorf("LineKey(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLineIndex_Count(t *testing.T) {
	x := NewLineIndex(0)
	x.Observe("Acme", "Subscribe\nSubscribe\nSome article text.\n")
	x.Observe("acme ", "Subscribe\r\nOther text 2024.\n")
	x.Observe("Other", "Subscribe\n")
	long := strings.Repeat("word ", 60)
	x.Observe("Acme", long+"\n"+long)
	x.Observe("Acme", long)
	tests := []struct {
		outlet, line string
		want         int
	}{
		{"Acme", "Subscribe", 2}, // once per article, outlet names folded
		{"Acme", "  SUBSCRIBE ", 2},
		{"Other", "Subscribe", 1},
		{"Nobody", "Subscribe", 0},
		{"Acme", "Other text 1999.", 1}, // digits folded
		{"Acme", long, 0},               // long lines are not kept
		{"Acme", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.outlet+"/"+tt.line, func(t *testing.T) {
			if got := x.Count(tt.outlet, tt.line); got != tt.want {
				t.Errorf("Count(%q, %q) = %d, want %d", tt.outlet, tt.line, got, tt.want)
			}
		})
	}
	if got := x.Repeated("Acme")("Subscribe"); got != 2 {
		t.Errorf("Repeated(Acme)(Subscribe) = %d, want 2", got)
	}
}

func TestLineIndex_Evict(t *testing.T) {
	const capacity = 100
	x := NewLineIndex(capacity)
	for i := range 50 {
		x.Observe("Acme", "Become a member\nDonate today\nunique line "+strings.Repeat("x", i%7)+fmt.Sprint(i))
	}
	for i := range 1000 {
		x.Observe("Acme", fmt.Sprintf("one-off line %c%c%c", 'a'+i%26, 'a'+i/26%26, 'a'+i/676))
	}
	if n := x.Len("Acme"); n > capacity {
		t.Errorf("Len = %d lines, want at most %d", n, capacity)
	}
	if got := x.Count("Acme", "Become a member"); got != 50 {
		t.Errorf("a frequent line was evicted: Count = %d, want 50", got)
	}
}

func TestLineIndex_Concurrent(t *testing.T) {
	x := NewLineIndex(500)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 200 {
				x.Observe(fmt.Sprint("outlet", g%2), fmt.Sprintf("Subscribe\nline %c %d", 'a'+i%26, i))
				x.Count("outlet0", "Subscribe")
			}
		})
	}
	wg.Wait()
	if got := x.Count("outlet0", "Subscribe"); got != 800 {
		t.Errorf("Count = %d, want 800", got)
	}
}

func BenchmarkLineIndex_Observe(b *testing.B) {
	text := strings.Repeat("Subscribe to our newsletter\nShare this article\nA line of text 42.\n", 20)
	x := NewLineIndex(1000)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for range b.N {
		x.Observe("Acme", text)
	}
}

func TestLineIndex_ForgetsOutlets(t *testing.T) {
	x := NewLineIndex(0)
	for i := range maxOutlets * 2 {
		x.Observe(fmt.Sprintf("outlet %d", i), "Subscribe to our newsletter\nA line of text")
	}
	if n := len(x.outlets); n > maxOutlets {
		t.Fatalf("%d outlets kept, want at most %d", n, maxOutlets)
	}
	last := fmt.Sprintf("outlet %d", maxOutlets*2-1)
	if got := x.Count(last, "Subscribe to our newsletter"); got != 1 {
		t.Errorf("most recent outlet forgotten: count %d", got)
	}
	if got := x.Count("outlet 0", "Subscribe to our newsletter"); got != 0 {
		t.Errorf("oldest outlet kept: count %d", got)
	}
}
