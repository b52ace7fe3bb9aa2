package cli

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// progressBar draws a one-line progress bar on a terminal, redrawn at most
// every redrawEvery; on anything else it draws nothing.
type progressBar struct {
	mu      sync.Mutex
	w       io.Writer
	label   string
	start   time.Time
	last    time.Time
	drawn   bool
	enabled bool
}

const (
	redrawEvery = 100 * time.Millisecond
	barWidth    = 28
)

func newProgressBar(w io.Writer, label string, enabled bool) *progressBar {
	return &progressBar{w: w, label: label, start: time.Now(), enabled: enabled}
}

// update redraws the bar: done of total units (total 0 = unknown), with a
// free-form tail such as "1,234 articles · 2 failed".
func (p *progressBar) update(done, total int, tail string) {
	if p == nil || !p.enabled {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	if p.drawn && now.Sub(p.last) < redrawEvery && (total == 0 || done < total) {
		return
	}
	p.last = now
	p.drawn = true
	var bar string
	if total > 0 {
		filled := barWidth * done / total
		if filled > barWidth {
			filled = barWidth
		}
		bar = fmt.Sprintf("[%s%s] %d/%d", strings.Repeat("█", filled), strings.Repeat("░", barWidth-filled), done, total)
	} else {
		spin := `|/-\`[int(now.Sub(p.start)/redrawEvery)%4]
		bar = fmt.Sprintf("[%c] %d", spin, done)
	}
	fmt.Fprintf(p.w, "\r\x1b[2K%s %s %s · %s", p.label, bar, tail, now.Sub(p.start).Round(100*time.Millisecond))
}

// finish clears the bar so that the summary line starts clean.
func (p *progressBar) finish() {
	if p == nil || !p.enabled {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprint(p.w, "\r\x1b[2K")
	}
}

// thousands formats n with thin separators: 12345 → "12,345".
func thousands(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
