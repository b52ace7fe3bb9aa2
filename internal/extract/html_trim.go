package extract

import (
	"regexp"
	"strings"
	"unicode"
)

// htmlTrimRules say which page furniture bodyText cuts from the blocks the
// content extractor kept. Each rule is on by default because it raised F1
// on the extraction benchmark (eval.Extraction, 181 pages) without costing
// recall: no rules .960, all .970; dropping one of them: title and
// leadHeadings .964, leadHeadings .966, tailHeadings .968, furniture .968.
type htmlTrimRules struct {
	// title drops a leading heading that repeats the page title.
	title bool
	// leadHeadings drops every heading before the first paragraph: the
	// headline, the standfirst, kicker and section labels.
	leadHeadings bool
	// tailHeadings cuts a closing run of headings and short lines that
	// holds at least two headings, most of it headings: the teasers of
	// "related stories", newsletter boxes and the like.
	tailHeadings bool
	// furniture drops short blocks of sharing, subscription, comment and
	// copyright boilerplate: at either end of the body, any run of them;
	// in the middle, only unambiguous ones (share bars, "Read more:" links,
	// "Advertisement").
	furniture bool
}

// Most words a block may have to be taken for a headline teaser or dek
// (teaserWords), or for a boilerplate line (furnitureBlockWords).
const (
	teaserWords         = 12
	furnitureBlockWords = 30
)

// apply returns the blocks kept and the text of those dropped, in page
// order.
func (t htmlTrimRules) apply(blocks []htmlBlock, title string) (kept []htmlBlock, removed []string) {
	all := blocks
	if t.title && len(blocks) > 1 && blocks[0].kind == blockHeading && sameLetters(blocks[0].text, title) {
		blocks = blocks[1:]
	}
	if t.leadHeadings {
		i := 0
		for i < len(blocks) && blocks[i].kind == blockHeading {
			i++
		}
		if i < len(blocks) {
			blocks = blocks[i:]
		}
	}
	if t.tailHeadings {
		blocks = trimTeaserTail(blocks)
	}
	if t.furniture {
		blocks = trimFurnitureBlocks(blocks)
	}
	// Every rule keeps a subsequence of the blocks: walk both in step.
	j := 0
	for i := range all {
		if j < len(blocks) && all[i] == blocks[j] {
			j++
			continue
		}
		removed = append(removed, all[i].text)
	}
	return blocks, removed
}

// trimTeaserTail implements htmlTrimRules.tailHeadings.
func trimTeaserTail(blocks []htmlBlock) []htmlBlock {
	start, headings := len(blocks), 0
	for i := len(blocks) - 1; i >= 0; i-- {
		b := blocks[i]
		if b.kind == blockHeading {
			headings++
		} else if b.kind != blockPara || len(strings.Fields(b.text)) >= teaserWords {
			break
		}
		start = i
	}
	run := len(blocks) - start
	if headings >= 2 && headings*2 >= run && start > 0 {
		return blocks[:start]
	}
	return blocks
}

// trimFurnitureBlocks implements htmlTrimRules.furniture. It never empties the body.
func trimFurnitureBlocks(blocks []htmlBlock) []htmlBlock {
	end := len(blocks)
	for end > 1 && isFurnitureBlock(blocks[end-1].text) {
		end--
	}
	start := 0
	for start < end-1 && isFurnitureBlock(blocks[start].text) {
		start++
	}
	out := blocks[start:end:end]
	kept := out[:0:0]
	for _, b := range out {
		if !isInlineFurnitureBlock(b.text) {
			kept = append(kept, b)
		}
	}
	if len(kept) == 0 {
		return out
	}
	return kept
}

// furnitureBlockPhrases mark a short block as sharing, subscription, comment or
// copyright boilerplate. They are matched case-insensitively at word
// boundaries.
var furnitureBlockPhrases = regexp.MustCompile(`(?i)\b(` + strings.Join([]string{
	`subscribe`, `subscribing`, `newsletters?`, `sign up`, `log in`, `logged in`,
	`all rights reserved`, `copyright`, `follow us`, `follow (him|her|them) on`,
	`on (twitter|facebook|instagram|linkedin|youtube)`, `share (this|it)`,
	`you may also like`, `related (stories|articles|posts)`, `more stories`,
	`read more`, `click here`, `have a tip`, `download (our|the) app`,
	`advertisement`, `thanks? (you )?for reading`, `post a comment`,
	`leave a (comment|reply)`, `comments? (are|is) closed`, `recommended for you`,
}, "|") + `)\b|©|ⓒ`)

// inlineFurnitureBlock are unambiguous furniture even between paragraphs: a
// "Read more:"-style link line, a lone "Advertisement".
var inlineFurnitureBlock = regexp.MustCompile(`(?i)^(read more|read also|see also|related|more|watch|listen|don't miss|recommended)\s*[:|»>–—-]|^(advertisement|advert|sponsored|ad)$`)

// shareButtonWords name the buttons of a share bar.
var shareButtonWords = map[string]bool{
	"facebook": true, "twitter": true, "whatsapp": true, "pinterest": true, "pint": true,
	"linkedin": true, "reddit": true, "email": true, "e-mail": true, "print": true,
	"share": true, "tweet": true, "telegram": true, "messenger": true, "copy": true,
	"link": true, "comments": true, "comment": true, "save": true, "flipboard": true,
	"tumblr": true, "vk": true, "sms": true, "mail": true, "baixar": true, "download": true,
}

func isFurnitureBlock(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > furnitureBlockWords || strings.ContainsRune("\"“„«‘'", []rune(s)[0]) {
		// Too long for a boilerplate line, or a quotation: body.
		return false
	}
	return furnitureBlockPhrases.MatchString(s) || onlyAddressWords(words) || isShareBar(words) || inlineFurnitureBlock.MatchString(s)
}

func isInlineFurnitureBlock(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > teaserWords*2 {
		return false
	}
	return isShareBar(words) || inlineFurnitureBlock.MatchString(s)
}

// isShareBar reports a line made mostly of share-button labels.
func isShareBar(words []string) bool {
	n := 0
	for _, w := range words {
		if shareButtonWords[strings.ToLower(strings.Trim(w, ".,:;|·•/"))] {
			n++
		}
	}
	return n >= 2 && n*3 >= len(words)*2
}

// onlyAddressWords reports a line of URLs, e-mail addresses and @handles.
func onlyAddressWords(words []string) bool {
	for _, w := range words {
		lw := strings.ToLower(w)
		if !strings.Contains(lw, "://") && !strings.HasPrefix(lw, "www.") && !strings.HasPrefix(lw, "@") &&
			!(strings.Contains(lw, "@") && strings.Contains(lw, ".")) && !strings.HasPrefix(lw, "twitter.com/") {
			return false
		}
	}
	return true
}

// sameLetters compares two strings ignoring case, punctuation and spacing.
func sameLetters(a, b string) bool {
	if b == "" {
		return false
	}
	key := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsNumber(r) {
				return unicode.ToLower(r)
			}
			return -1
		}, s)
	}
	return key(a) == key(b)
}
