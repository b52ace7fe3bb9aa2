package ingest

import "github.com/parallax-news/parallax/internal/news"

// reorder restores reading order among built articles: put holds an
// article until every earlier document has come back (built or failed).
type reorder struct {
	next    int
	pending map[int]*news.Article // nil value: the document failed
}

func newReorder() *reorder { return &reorder{pending: map[int]*news.Article{}} }

// put records document seq's article (nil when it failed) and hands every
// article now in order to add. When more than reorderCap are held back
// behind a slow document, the earliest held is released out of order.
func (o *reorder) put(seq int, a *news.Article, add func(*news.Article)) {
	if seq < o.next {
		// Late after a release out of order: it goes as it comes.
		if a != nil {
			add(a)
		}
		return
	}
	o.pending[seq] = a
	for {
		a, ok := o.pending[o.next]
		if !ok {
			if len(o.pending) <= reorderCap {
				return
			}
			o.next = o.lowest()
			continue
		}
		delete(o.pending, o.next)
		o.next++
		if a != nil {
			add(a)
		}
	}
}

// drain hands every held article to add, in order, at the end of the run.
func (o *reorder) drain(add func(*news.Article)) {
	for len(o.pending) > 0 {
		o.next = o.lowest()
		o.put(o.next, o.pending[o.next], add)
	}
}

func (o *reorder) lowest() int {
	low := -1
	for k := range o.pending {
		if low < 0 || k < low {
			low = k
		}
	}
	return low
}
