package extract

import "testing"

func TestOutletFromURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://www.nytimes.com/2024/01/26/world/europe/x.html", "The New York Times"},
		{"https://edition.cnn.com/2024/01/26/x", "CNN"},
		{"https://www.bbc.co.uk/news/world-1", "BBC"},
		{"https://news.sky.com/story/x", "Sky News"},
		{"http://m.acme-herald.com/a", "Acme Herald"},
		{"https://thenorthgatepost.org/a", "The Northgate Post"},
		{"https://www.riversidechronicle.co.uk/a", "Riverside Chronicle"},
		{"https://valleycourier.example/x", "Valley Courier"},
		{"https://xyz.com:8080/a", "XYZ"},
		{"example.net/path", "Example"},
		{"", ""},
		{"not a url", ""},
		{"https://localhost/a", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := OutletFromURL(tt.in); got != tt.want {
				t.Errorf("OutletFromURL(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestOutletFromLines(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  string
	}{
		{"copyright", []string{"© 2024 The Acme Herald. All rights reserved."}, "The Acme Herald"},
		{"copyright range", []string{"Copyright 2019-2024 Acme Media Group"}, "Acme Media Group"},
		{"copyright word", []string{"(c) 2023 Northgate Observer Ltd"}, "Northgate Observer Ltd"},
		{"appeal", []string{"Thousands read the Valley Courier every day, but few pay for it."}, "The Valley Courier"},
		{"support", []string{"Support the Riverside Chronicle today."}, "The Riverside Chronicle"},
		{"first wins", []string{"Subscribe now", "Join the Plains Ledger", "© Other Name"}, "The Plains Ledger"},
		{"nothing", []string{"Subscribe", "Share this article"}, ""},
		{"generic", []string{"© All rights reserved"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := outletFromLines(tt.lines); got != tt.want {
				t.Errorf("outletFromLines = %q, want %q", got, tt.want)
			}
		})
	}
}
