package ingest

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
)

func TestReorder_Put(t *testing.T) {
	art := func(id string) *news.Article { return &news.Article{ID: id} }
	var got []string
	add := func(a *news.Article) { got = append(got, a.ID) }
	o := newReorder()
	o.put(2, art("c"), add)
	o.put(1, nil, add) // document 1 failed
	if len(got) != 0 {
		t.Fatalf("released %v before document 0 came back", got)
	}
	o.put(0, art("a"), add)
	o.put(4, art("e"), add)
	o.drain(add)
	if strings.Join(got, ",") != "a,c,e" {
		t.Errorf("order = %v, want a,c,e", got)
	}
	// A late document after a release out of order goes at once.
	o.put(3, art("d"), add)
	if strings.Join(got, ",") != "a,c,e,d" {
		t.Errorf("late document: %v, want a,c,e,d", got)
	}
}

func TestReorder_Cap(t *testing.T) {
	var got int
	o := newReorder()
	for i := 1; i <= reorderCap+1; i++ {
		o.put(i, &news.Article{}, func(*news.Article) { got++ })
	}
	if got == 0 || len(o.pending) > reorderCap {
		t.Errorf("held %d articles behind a missing one, released %d; want at most %d held", len(o.pending), got, reorderCap)
	}
}
