package extract

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"

	"github.com/parallax-news/parallax/internal/news"
)

func cp1252(t testing.TB, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func utf16le(t testing.TB, s string, bom bool) []byte {
	t.Helper()
	policy := unicode.IgnoreBOM
	if bom {
		policy = unicode.UseBOM
	}
	b, err := unicode.UTF16(unicode.LittleEndian, policy).NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func utf16be(t testing.TB, s string, bom bool) []byte {
	t.Helper()
	policy := unicode.IgnoreBOM
	if bom {
		policy = unicode.UseBOM
	}
	b, err := unicode.UTF16(unicode.BigEndian, policy).NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecodeHTML(t *testing.T) {
	const body = "<p>Café “quoted” – naïve</p>"
	sjis, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte("<html><head><title>東京の天気</title></head><body><p>今日は晴れのち曇り、夕方から雨が降るでしょう。明日の朝は冷え込みます。</p></body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name        string
		page        []byte
		contentType string
		want        string // substring of the decoded page
	}{
		{"utf-8 as is", []byte("<html>" + body), "", body},
		{"utf-8 bom", append([]byte{0xef, 0xbb, 0xbf}, "<html>"+body...), "", body},
		{"utf-16le bom", utf16le(t, "<html>"+body, true), "", body},
		{"utf-16be bom", utf16be(t, "<html>"+body, true), "", body},
		{"meta charset", cp1252(t, `<meta charset="windows-1252">`+body), "", body},
		{"meta charset unquoted", cp1252(t, `<META CHARSET=windows-1252>`+body), "", body},
		{"http-equiv", cp1252(t, `<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">`+body), "", body},
		{"latin-1 label means windows-1252", cp1252(t, `<meta charset="iso-8859-1">`+body), "", body},
		{"content-type header", cp1252(t, body), "text/html; charset=windows-1252", body},
		{"header beats meta", cp1252(t, `<meta charset="utf-8">`+body), "text/html; charset=windows-1252", body},
		{"bom beats header", append([]byte{0xef, 0xbb, 0xbf}, body...), "text/html; charset=windows-1252", body},
		{"stale legacy declaration on utf-8 bytes", []byte(`<meta charset="iso-8859-1">` + body), "", body},
		{"meta utf-16 without bom means utf-8", []byte(`<meta charset="utf-16">` + body), "", body},
		{"undeclared windows-1252", cp1252(t, "<html><body>"+strings.Repeat(body, 5)), "", body},
		{"undeclared shift_jis", sjis, "", "今日は晴れのち曇り"},
		{"declared utf-8 with a stray byte", []byte("<meta charset=utf-8><p>caf\xe9</p>"), "", "<p>caf\uFFFD</p>"},
		{"meta after a long head script", cp1252(t, "<head><script>"+strings.Repeat("x", 5000)+"</script><meta charset=windows-1252></head>"+body), "", body},
		{"meta in body is ignored", cp1252(t, "<body><p>é</p><meta charset=koi8-r></body>"), "", "<p>é</p>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DecodeHTML(tt.page, tt.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if !utf8.Valid(got) {
				t.Errorf("output is not valid UTF-8: %q", got)
			}
			if !bytes.Contains(got, []byte(tt.want)) {
				t.Errorf("DecodeHTML = %q, want it to contain %q", got, tt.want)
			}
		})
	}
}

func TestDecodeText(t *testing.T) {
	const text = "Zoë said “hello” — 5 €\nsecond line\n"
	tests := []struct {
		name    string
		raw     []byte
		want    string
		wantErr error
	}{
		{"utf-8", []byte(text), text, nil},
		{"utf-8 bom dropped", append([]byte{0xef, 0xbb, 0xbf}, text...), text, nil},
		{"utf-16le bom", utf16le(t, text, true), text, nil},
		{"utf-16be bom", utf16be(t, text, true), text, nil},
		{"utf-16le without bom", utf16le(t, strings.Repeat("plain ascii text ", 10), false), strings.Repeat("plain ascii text ", 10), nil},
		{"utf-16be without bom", utf16be(t, strings.Repeat("plain ascii text ", 10), false), strings.Repeat("plain ascii text ", 10), nil},
		{"windows-1252", cp1252(t, text), text, nil},
		{"empty", nil, "", nil},
		{"nul byte", []byte("PK\x03\x04\x00\x00zipped"), "", news.ErrBinary},
		{"control bytes", bytes.Repeat([]byte("ab\x01\x02\x03\x04cd"), 100), "", news.ErrBinary},
		{"tabs and form feeds are text", []byte("a\tb\fc\r\nd\x1b[0m"), "a\tb\fc\r\nd\x1b[0m", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DecodeText(tt.raw)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if got != tt.want {
				t.Errorf("DecodeText = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMetaContentCharset(t *testing.T) {
	tests := []struct{ in, want string }{
		{"text/html; charset=windows-1252", "windows-1252"},
		{"text/html;charset='koi8-r'", "koi8-r"},
		{`text/html; CHARSET = "shift_jis"`, "shift_jis"},
		{"text/html", ""},
		{"text/html; charset=", ""},
		{`text/html; charset="unterminated`, ""},
	}
	for _, tt := range tests {
		if got := metaContentCharset(tt.in); got != tt.want {
			t.Errorf("metaContentCharset(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzDecodeHTML(f *testing.F) {
	f.Add([]byte("<meta charset=windows-1252><p>caf\xe9</p>"), "")
	f.Add([]byte{0xff, 0xfe, 'a', 0}, "text/html; charset=utf-8")
	f.Add([]byte{0x1f, 0x8b, 8, 0}, "")
	f.Fuzz(func(t *testing.T, page []byte, contentType string) {
		got, err := DecodeHTML(page, contentType)
		if err == nil && !utf8.Valid(got) {
			t.Errorf("DecodeHTML gave invalid UTF-8: %q", got)
		}
	})
}

func FuzzDecodeText(f *testing.F) {
	f.Add([]byte("plain"))
	f.Add([]byte{0xfe, 0xff, 0, 'a'})
	f.Add([]byte("caf\xe9"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		got, err := DecodeText(raw)
		if err == nil && !utf8.ValidString(got) {
			t.Errorf("DecodeText gave invalid UTF-8: %q", got)
		}
	})
}
