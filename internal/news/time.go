package news

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Precision says how much of a Time is known.
type Precision uint8

// Precisions, coarsest first.
const (
	PrecisionNone   Precision = iota // no date at all
	PrecisionYear                    // 2024
	PrecisionMonth                   // 2024-01
	PrecisionDay                     // 2024-01-26
	PrecisionMinute                  // 2024-01-26T14:41 (seconds may be zero)
)

// Time is a possibly partial point in time as news text gives it: a year, a
// month, a day, or a clock time with or without a known UTC offset.
// The zero Time means "unknown".
type Time struct {
	T         time.Time
	Precision Precision
	// Zoned is true when the UTC offset of T is known from the source.
	Zoned bool
}

// IsZero reports whether the time is unknown.
func (t Time) IsZero() bool { return t.Precision == PrecisionNone }

// String renders the contract's forms: "YYYY", "YYYY-MM", "YYYY-MM-DD",
// "YYYY-MM-DDTHH:MM:SS" (offset unknown) or RFC 3339 (offset known).
func (t Time) String() string {
	switch t.Precision {
	case PrecisionYear:
		return t.T.Format("2006")
	case PrecisionMonth:
		return t.T.Format("2006-01")
	case PrecisionDay:
		return t.T.Format("2006-01-02")
	case PrecisionMinute:
		if t.Zoned {
			return t.T.Format(time.RFC3339)
		}
		return t.T.Format("2006-01-02T15:04:05")
	}
	return ""
}

// ParseTime reads the forms String writes.
func ParseTime(s string) (Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Time{}, nil
	}
	layouts := []struct {
		layout string
		p      Precision
		zoned  bool
	}{
		{time.RFC3339Nano, PrecisionMinute, true},
		{"2006-01-02T15:04:05", PrecisionMinute, false},
		{"2006-01-02T15:04", PrecisionMinute, false},
		{"2006-01-02 15:04:05", PrecisionMinute, false},
		{"2006-01-02", PrecisionDay, false},
		{"2006-01", PrecisionMonth, false},
		{"2006", PrecisionYear, false},
	}
	for _, l := range layouts {
		if v, err := time.Parse(l.layout, s); err == nil {
			return Time{T: v, Precision: l.p, Zoned: l.zoned}, nil
		}
	}
	return Time{}, fmt.Errorf("parse time %q: %w", s, ErrInvalid)
}

// MarshalJSON writes the String form, or null when unknown.
func (t Time) MarshalJSON() ([]byte, error) {
	if t.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(t.String())
}

// UnmarshalJSON reads what MarshalJSON writes.
func (t *Time) UnmarshalJSON(b []byte) error {
	var s *string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s == nil {
		*t = Time{}
		return nil
	}
	v, err := ParseTime(*s)
	if err != nil {
		return err
	}
	*t = v
	return nil
}
