package store

import (
	"slices"
	"testing"

	"github.com/parallax-news/parallax/internal/news"
)

func TestEncodeSpans(t *testing.T) {
	tests := []struct {
		name  string
		spans []news.Span
		size  int // encoded bytes, -1 to skip
	}{
		{"none", nil, 0},
		{"one", []news.Span{{Start: 0, End: 40}}, 2},
		{"adjacent", []news.Span{{Start: 0, End: 10}, {Start: 11, End: 30}, {Start: 31, End: 90}}, 6},
		{"large", []news.Span{{Start: 100000, End: 100500}, {Start: 100501, End: 1 << 30}}, -1},
		{"overlapping", []news.Span{{Start: 5, End: 20}, {Start: 10, End: 15}}, -1},
		{"empty span", []news.Span{{Start: 7, End: 7}}, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := EncodeSpans(tt.spans)
			if tt.size >= 0 && len(b) != tt.size {
				t.Errorf("encoded size = %d, want %d", len(b), tt.size)
			}
			got, err := DecodeSpans(b)
			if err != nil {
				t.Fatalf("decode: %v", err)
			}
			if !slices.Equal(got, tt.spans) {
				t.Errorf("round trip = %v, want %v", got, tt.spans)
			}
		})
	}
}

func TestDecodeSpans_Bad(t *testing.T) {
	tests := []struct {
		name string
		b    []byte
	}{
		{"start without length", []byte{0x02}},
		{"truncated varint", []byte{0x80}},
		{"overlong varint", []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, err := DecodeSpans(tt.b); err == nil {
				t.Errorf("DecodeSpans(%x) = %v, want an error", tt.b, got)
			}
		})
	}
}

func FuzzDecodeSpans(f *testing.F) {
	f.Add(EncodeSpans([]news.Span{{Start: 0, End: 10}, {Start: 11, End: 30}}))
	f.Add([]byte{0x80})
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		spans, err := DecodeSpans(b)
		if err != nil {
			return
		}
		// Whatever decodes re-encodes to a blob that decodes the same.
		again, err := DecodeSpans(EncodeSpans(spans))
		if err != nil || !slices.Equal(again, spans) {
			t.Errorf("re-decode = %v, %v; want %v", again, err, spans)
		}
	})
}
