package extract

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"mime"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"github.com/parallax-news/parallax/internal/news"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// MaxDecompressed bounds what a gzipped input may inflate to; past it the
// input is refused with news.ErrTooLarge rather than filling memory.
const MaxDecompressed = 64 << 20

// prescanBytes is how far into a page a <meta> charset declaration is looked
// for. The HTML standard says 1024 bytes, but real pages put kilobytes of
// inline script and style before it, and a missed declaration costs more
// than scanning a head.
const prescanBytes = 64 << 10

// sniffBytes is how much of a text file is examined to tell text from binary.
const sniffBytes = 8 << 10

var (
	bomUTF8    = []byte{0xef, 0xbb, 0xbf}
	bomUTF16LE = []byte{0xff, 0xfe}
	bomUTF16BE = []byte{0xfe, 0xff}
)

// DecodeHTML returns page as UTF-8, ready for an HTML parser that assumes
// it. gzip input (magic 1f 8b) is inflated first. The encoding is chosen as
// browsers do, in this order: a byte-order mark (UTF-8, UTF-16LE/BE); the
// charset parameter of contentType (an HTTP Content-Type value, may be "");
// a <meta charset> or <meta http-equiv=content-type> in the head; else the
// bytes themselves: valid UTF-8 is kept, anything else goes to a statistical
// detector and defaults to Windows-1252.
//
// One deliberate departure from browsers: a declared single-byte or legacy
// encoding is ignored when the bytes are valid UTF-8 containing multi-byte
// sequences, since saved and re-served pages often keep a stale
// declaration after being converted, and valid UTF-8 almost never arises
// by chance from legacy text. Invalid UTF-8 in a page taken as UTF-8 is
// replaced with U+FFFD.
func DecodeHTML(page []byte, contentType string) ([]byte, error) {
	page, err := gunzipCapped(page, MaxDecompressed)
	if err != nil {
		return nil, fmt.Errorf("decode html: %w", err)
	}
	if out, ok, err := decodeBOM(page); ok {
		if err != nil {
			return nil, fmt.Errorf("decode html: %w", err)
		}
		return out, nil
	}
	if label := contentTypeCharset(contentType); label != "" {
		if enc, name := charset.Lookup(label); enc != nil {
			return decodeDeclared(page, enc, name)
		}
	}
	if enc, name := prescanMeta(page); enc != nil {
		if strings.HasPrefix(name, "utf-16") {
			// A page that could be read far enough to find its <meta>
			// is not UTF-16; the standard says to take it as UTF-8.
			enc, name = unicode.UTF8, "utf-8"
		}
		return decodeDeclared(page, enc, name)
	}
	if utf8.Valid(page) {
		return page, nil
	}
	return decodeWithEncoding(page, detectHTML(page))
}

// DecodeText returns a plain-text file's content as a UTF-8 string: a
// byte-order mark selects UTF-8 or UTF-16LE/BE (and is dropped); BOM-less
// UTF-16 is recognised by its pattern of zero bytes; otherwise valid UTF-8
// is kept as is and anything else is read as Windows-1252. Binary data — a
// NUL byte or more than 5% control bytes in the first 8 KB — is refused with
// an error wrapping news.ErrBinary.
func DecodeText(raw []byte) (string, error) {
	if out, ok, err := decodeBOM(raw); ok {
		if err != nil {
			return "", fmt.Errorf("decode text: %w", err)
		}
		return string(out), nil
	}
	if enc := sniffUTF16(raw); enc != nil {
		out, err := decodeWithEncoding(raw, enc)
		if err != nil {
			return "", fmt.Errorf("decode text: %w", err)
		}
		return string(out), nil
	}
	if looksBinaryText(raw) {
		return "", fmt.Errorf("decode text: %w", news.ErrBinary)
	}
	if utf8.Valid(raw) {
		return string(raw), nil
	}
	out, err := decodeWithEncoding(raw, charmap.Windows1252)
	if err != nil {
		return "", fmt.Errorf("decode text: %w", err)
	}
	return string(out), nil
}

// gunzipCapped inflates gzip input up to limit bytes and returns anything
// else unchanged. A damaged or truncated stream yields what could be
// inflated, since the start of a page is still worth extracting.
func gunzipCapped(b []byte, limit int) ([]byte, error) {
	if len(b) < 2 || b[0] != 0x1f || b[1] != 0x8b {
		return b, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("gunzip: %w: %w", news.ErrInvalid, err)
	}
	out, err := io.ReadAll(io.LimitReader(zr, int64(limit)+1))
	if len(out) > limit {
		return nil, fmt.Errorf("gunzip: over %d bytes: %w", limit, news.ErrTooLarge)
	}
	if err != nil && len(out) == 0 {
		return nil, fmt.Errorf("gunzip: %w: %w", news.ErrInvalid, err)
	}
	// A stream cut short or corrupt further on still gave us its start.
	return out, nil
}

// decodeBOM decodes b when it starts with a byte-order mark; ok reports
// whether one was found.
func decodeBOM(b []byte) (out []byte, ok bool, err error) {
	switch {
	case bytes.HasPrefix(b, bomUTF8):
		return validUTF8(b[len(bomUTF8):]), true, nil
	case bytes.HasPrefix(b, bomUTF16LE):
		out, err := decodeWithEncoding(b[2:], unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM))
		return out, true, err
	case bytes.HasPrefix(b, bomUTF16BE):
		out, err := decodeWithEncoding(b[2:], unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM))
		return out, true, err
	}
	return nil, false, nil
}

// decodeDeclared decodes a page with its declared encoding, except that
// bytes that are valid UTF-8 are kept as they are (see DecodeHTML): ASCII
// reads the same in every ASCII-compatible encoding, and valid multi-byte
// UTF-8 means the declaration is stale.
func decodeDeclared(page []byte, enc encoding.Encoding, name string) ([]byte, error) {
	switch {
	case name == "utf-8":
		return validUTF8(page), nil
	case strings.HasPrefix(name, "utf-16"), name == "iso-2022-jp":
		// Not ASCII-compatible: the declaration must be honoured.
		return decodeWithEncoding(page, enc)
	case utf8.Valid(page):
		return page, nil
	}
	return decodeWithEncoding(page, enc)
}

func decodeWithEncoding(b []byte, enc encoding.Encoding) ([]byte, error) {
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	// Decoders map invalid input to U+FFFD, but a UTF-8 "decoder" is a
	// pass-through.
	return validUTF8(out), nil
}

// validUTF8 replaces invalid UTF-8 sequences with U+FFFD, copying only
// when there is one.
func validUTF8(b []byte) []byte {
	if utf8.Valid(b) {
		return b
	}
	return bytes.ToValidUTF8(b, []byte("\uFFFD"))
}

func contentTypeCharset(contentType string) string {
	if contentType == "" {
		return ""
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	return params["charset"]
}

// prescanMeta looks for a charset declaration in the page's head, as the
// HTML standard's prescan does, over at most prescanBytes.
func prescanMeta(page []byte) (encoding.Encoding, string) {
	if len(page) > prescanBytes {
		page = page[:prescanBytes]
	}
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return nil, ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "body":
				return nil, ""
			case "meta":
			default:
				continue
			}
			var label string
			var pragma, fromContent bool
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch strings.ToLower(string(k)) {
				case "charset":
					label, fromContent = string(v), false
				case "http-equiv":
					pragma = strings.EqualFold(strings.TrimSpace(string(v)), "content-type")
				case "content":
					if label == "" {
						label, fromContent = metaContentCharset(string(v)), true
					}
				}
			}
			if label == "" || fromContent && !pragma {
				continue
			}
			if enc, name := charset.Lookup(label); enc != nil {
				return enc, name
			}
		}
	}
}

// metaContentCharset extracts the charset from a content attribute such as
// "text/html; charset=windows-1252".
func metaContentCharset(s string) string {
	low := strings.ToLower(s)
	i := strings.Index(low, "charset")
	if i < 0 {
		return ""
	}
	s = strings.TrimLeft(s[i+len("charset"):], " \t\n\f\r")
	if !strings.HasPrefix(s, "=") {
		return ""
	}
	s = strings.TrimLeft(s[1:], " \t\n\f\r")
	if s == "" {
		return ""
	}
	if q := s[0]; q == '"' || q == '\'' {
		s = s[1:]
		if j := strings.IndexByte(s, q); j >= 0 {
			return s[:j]
		}
		return ""
	}
	if j := strings.IndexAny(s, "; \t\n\f\r"); j >= 0 {
		return s[:j]
	}
	return s
}

// detectHTML guesses the encoding of an undeclared, non-UTF-8 page.
func detectHTML(page []byte) encoding.Encoding {
	sample := page
	if len(sample) > prescanBytes {
		sample = sample[:prescanBytes]
	}
	// DetectAll, not DetectBest: the detector's ranking of equally
	// confident candidates is not stable from run to run, so ties are
	// broken here, in favour of Windows-1252 (what the web's undeclared
	// Western pages almost always are), then by name.
	results, err := chardet.NewHtmlDetector().DetectAll(sample)
	if err != nil || len(results) == 0 {
		return charmap.Windows1252
	}
	best := -1
	bestName := ""
	for i, r := range results {
		_, name := charset.Lookup(r.Charset)
		if name == "" || name == "utf-8" {
			continue
		}
		if best < 0 || r.Confidence > results[best].Confidence ||
			(r.Confidence == results[best].Confidence && preferCharset(name, bestName)) {
			best, bestName = i, name
		}
	}
	if best < 0 {
		return charmap.Windows1252
	}
	enc, _ := charset.Lookup(results[best].Charset)
	return enc
}

// preferCharset breaks a tie between two equally likely encodings.
func preferCharset(a, b string) bool {
	if (a == "windows-1252") != (b == "windows-1252") {
		return a == "windows-1252"
	}
	return a < b
}

// sniffUTF16 recognises BOM-less UTF-16 by zero bytes on one side of most
// code units in the first KBs, which mostly-Latin UTF-16 text has.
func sniffUTF16(b []byte) encoding.Encoding {
	n := min(len(b), sniffBytes) &^ 1
	if n < 4 {
		return nil
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	units := n / 2
	switch {
	case odd*10 >= units*7 && even*50 <= units:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	case even*10 >= units*7 && odd*50 <= units:
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	}
	return nil
}

// looksBinaryText reports a NUL byte or over 5% control bytes (other than tab,
// line feed, vertical tab, form feed, carriage return and escape) in the
// first sniffBytes.
func looksBinaryText(b []byte) bool {
	b = b[:min(len(b), sniffBytes)]
	ctl := 0
	for _, c := range b {
		switch {
		case c == 0:
			return true
		case c == '\t', c == '\n', c == '\v', c == '\f', c == '\r', c == 0x1b:
		case c < 0x20, c == 0x7f:
			ctl++
		}
	}
	return ctl*20 > len(b)
}
