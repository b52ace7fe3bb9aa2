package store

import "testing"

func TestHeadline(t *testing.T) {
	for _, tt := range []struct {
		name   string
		titles []string
		want   string
	}{
		{"none", nil, ""},
		{"one", []string{"Dam bursts"}, "Dam bursts"},
		{"most shared", []string{
			"It's about time, right?",
			"Singer checks into rehab clinic",
			"Pop singer checks into rehab",
			"Rehab for singer after tour",
		}, "Pop singer checks into rehab"},
		{"a question only when nothing else", []string{"Is the bridge safe?", "Update"}, "Is the bridge safe?"},
		{"earliest on ties", []string{"Ferry strike halts crossings", "Crossings halted by strike"}, "Ferry strike halts crossings"},
	} {
		if got := Headline(tt.titles); got != tt.want {
			t.Errorf("%s: Headline = %q, want %q", tt.name, got, tt.want)
		}
	}
}
