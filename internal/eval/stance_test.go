package eval

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestStance(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "gold"), 0o755); err != nil {
		t.Fatal(err)
	}
	tsv := "claim_id\tarticle_id\tstance\tclaim\theadline\n" +
		"c1\ta1\tfor\tThe tower will close\tTower to close\n" +
		"c1\ta2\tagainst\tThe tower will close\tOwner denies tower will close\n" +
		"c1\ta3\tobserving\tThe tower will close\tTower may close, paper says\n" +
		"c2\ta4\tfor\tA comet was seen\tComet seen over the bay\n"
	if err := os.WriteFile(filepath.Join(dir, "gold", "stance.tsv"), []byte(tsv), 0o644); err != nil {
		t.Fatal(err)
	}
	// A classifier that calls everything "for" gets the two "for" rows.
	rep, err := Stance(context.Background(), dir, func(h, c string) string { return "for" }, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Headlines != 4 || rep.Claims != 2 || rep.Accuracy != 0.5 || rep.Majority != 0.5 {
		t.Errorf("headlines %d claims %d accuracy %.2f majority %.2f, want 4 2 0.50 0.50", rep.Headlines, rep.Claims, rep.Accuracy, rep.Majority)
	}
	if got := rep.Confusion[1][0]; got != 1 {
		t.Errorf("against predicted for = %d, want 1", got)
	}
	if c := rep.Classes[0]; c.Precision != 0.5 || c.Recall != 1 {
		t.Errorf("class for: precision %.2f recall %.2f, want 0.50 1.00", c.Precision, c.Recall)
	}
	var b strings.Builder
	if err := rep.Write(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "Ferreira & Vlachos") {
		t.Errorf("report lacks the published figure:\n%s", b.String())
	}
	if _, err := Stance(context.Background(), dir, func(h, c string) string { return "maybe" }, nil); err == nil {
		t.Errorf("an unknown label gave no error")
	}
}
