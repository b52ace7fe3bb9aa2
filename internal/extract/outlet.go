package extract

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// OutletFromURL names the outlet publishing at a URL: the name of a known
// news host, or else a readable name made from the host itself
// ("https://www.acme-herald.com/a" → "Acme Herald", "thenorthgatepost.org"
// → "The Northgate Post"). It returns "" when the URL has no host.
func OutletFromURL(raw string) string {
	host := urlHost(raw)
	if host == "" {
		return ""
	}
	if name, ok := knownOutlets[host]; ok {
		return name
	}
	domain := registrableDomain(host)
	if name, ok := knownOutlets[domain]; ok {
		return name
	}
	return readableHost(domain)
}

// urlHost returns the lower-case host of a URL without "www." or a port.
func urlHost(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	if !strings.Contains(raw, "://") {
		raw = "https://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	host := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	for _, p := range []string{"www.", "www2.", "m.", "amp.", "mobile."} {
		host = strings.TrimPrefix(host, p)
	}
	if !strings.Contains(host, ".") {
		return ""
	}
	return host
}

// secondLevel are public suffixes of two labels under which news sites
// register their names.
var secondLevel = map[string]bool{
	"co.uk": true, "org.uk": true, "ac.uk": true, "gov.uk": true, "me.uk": true,
	"com.au": true, "net.au": true, "org.au": true, "co.nz": true, "org.nz": true,
	"co.jp": true, "ne.jp": true, "or.jp": true, "co.za": true, "org.za": true,
	"com.br": true, "com.ar": true, "com.mx": true, "com.co": true, "com.pe": true,
	"com.ua": true, "org.ua": true, "in.ua": true, "net.ua": true, "kiev.ua": true, "kyiv.ua": true,
	"com.tr": true, "co.in": true, "co.il": true, "co.kr": true, "or.kr": true,
	"com.cn": true, "com.hk": true, "com.sg": true, "com.my": true, "com.ph": true,
	"com.pk": true, "com.ng": true, "co.ke": true, "com.eg": true, "com.sa": true,
	"com.pl": true, "com.ru": true, "org.ru": true, "com.tw": true, "co.id": true,
}

// registrableDomain returns the part of a host its owner registered:
// "edition.example.co.uk" → "example.co.uk".
func registrableDomain(host string) string {
	labels := strings.Split(host, ".")
	n := 2
	if len(labels) >= 3 && secondLevel[strings.Join(labels[len(labels)-2:], ".")] {
		n = 3
	}
	if len(labels) <= n {
		return host
	}
	return strings.Join(labels[len(labels)-n:], ".")
}

// nameWords are words news names are made of, used to split a host name
// written without separators: "thedailyledger" → "The Daily Ledger".
var nameWords = []string{
	"times", "post", "news", "daily", "herald", "tribune", "journal", "independent",
	"guardian", "telegraph", "mail", "express", "star", "sun", "globe", "gazette",
	"chronicle", "observer", "review", "examiner", "insider", "today", "weekly", "week",
	"online", "report", "reporter", "monitor", "standard", "record", "press", "wire",
	"media", "nation", "world", "voice", "courier", "dispatch", "bulletin", "sentinel",
	"register", "inquirer", "enquirer", "leader", "mirror", "eagle", "beacon", "ledger",
	"advocate", "digest", "magazine", "network", "networks", "pravda", "info", "agency",
	"tv", "radio", "live", "mercury", "free", "new", "morning", "evening", "sunday",
	"local", "national", "global", "international", "business", "financial", "metro",
	"telegram", "union", "democrat", "republic", "citizen", "patriot", "pioneer",
	"spectator", "economist", "atlantic", "hill", "street", "current",
	"signal", "kurier", "zeitung", "truth", "open", "public",
}

// readableHost makes an outlet name from a registrable domain.
func readableHost(domain string) string {
	label := domain
	if i := strings.IndexByte(domain, '.'); i > 0 {
		label = domain[:i]
	}
	if label == "" {
		return ""
	}
	var words []string
	for _, part := range strings.FieldsFunc(label, func(r rune) bool { return r == '-' || r == '_' }) {
		words = append(words, splitNameWords(part)...)
	}
	for i, w := range words {
		switch {
		case len(words) == 1 && len(w) <= 4:
			words[i] = strings.ToUpper(w) // "bbc", "npr"
		default:
			r, size := utf8.DecodeRuneInString(w)
			words[i] = string(unicode.ToUpper(r)) + w[size:]
		}
	}
	return strings.Join(words, " ")
}

// splitNameWords splits a run of letters at known news-name words: a
// leading "the" and known words at either end.
func splitNameWords(s string) []string {
	var head, tail []string
	for {
		changed := false
		if strings.HasPrefix(s, "the") && len(s) >= 3+3 && len(head) == 0 {
			head = append(head, "the")
			s = s[3:]
			changed = true
		}
		for _, w := range nameWords {
			if len(s) >= len(w)+3 && strings.HasSuffix(s, w) {
				tail = append([]string{w}, tail...)
				s = s[:len(s)-len(w)]
				changed = true
				break
			}
		}
		for _, w := range nameWords {
			if len(s) >= len(w)+3 && strings.HasPrefix(s, w) && w != "the" {
				head = append(head, w)
				s = s[len(w):]
				changed = true
				break
			}
		}
		if !changed {
			break
		}
	}
	out := append(head, s)
	return append(out, tail...)
}

var (
	// "© 2024 The Acme Herald", "Copyright 2019-2024 Acme Media Group".
	copyrightName = regexp.MustCompile(`(?:©|\([cC]\)|(?i:copyright))\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?((?:The\s+)?\p{Lu}[\p{L}\p{N}&'’-]*(?:\.[\p{L}\p{N}]+)*(?:\s+(?:\p{Lu}[\p{L}\p{N}&'’-]*(?:\.[\p{L}\p{N}]+)*|of|and|&)){0,5})`)
	// "Thousands of readers support the Acme Herald", "Join the Acme Herald".
	readTheName = regexp.MustCompile(`\b(?i:read|reads|reading|support|supporting|subscribe to|subscribing to|donate to|join|keep|fund|thank you for reading|thanks for reading|you're reading|you are reading|welcome to|member of|members of)\s+(?i:the)\s+(\p{Lu}[\p{L}\p{N}&'’-]*(?:\s+\p{Lu}[\p{L}\p{N}&'’-]*){0,4})`)
)

// genericNames are capitalised words the patterns may catch that name no
// outlet.
var genericNames = map[string]bool{
	"all": true, "all rights reserved": true, "the": true, "news": true, "us": true,
	"our": true, "this": true, "site": true, "website": true, "page": true,
}

// outletFromLines finds an outlet named by page furniture: a copyright
// notice or a reader appeal ("Support the Acme Herald…"). Callers
// pass only lines dropped as appeals or notices, so that a headline of
// another story ("Voters keep the Senate") names nothing.
func outletFromLines(lines []string) string {
	for _, l := range lines {
		if m := readTheName.FindStringSubmatch(l); m != nil {
			if name := cleanOutletName(m[1]); name != "" {
				return "The " + name
			}
		}
		if m := copyrightName.FindStringSubmatch(l); m != nil {
			if name := cleanOutletName(m[1]); name != "" {
				return name
			}
		}
	}
	return ""
}

// cleanOutletName trims a captured name and rejects generic ones.
func cleanOutletName(s string) string {
	s = strings.TrimSpace(s)
	for _, suffix := range []string{" All Rights Reserved", " All rights reserved", " All"} {
		s = strings.TrimSuffix(s, suffix)
	}
	s = strings.TrimRight(s, " .,&")
	if s == "" || genericNames[strings.ToLower(s)] {
		return ""
	}
	return s
}

// knownOutlets maps registrable domains (and a few full hosts) of widely
// read news sites to the names they publish under.
var knownOutlets = map[string]string{
	"apnews.com":                  "Associated Press",
	"reuters.com":                 "Reuters",
	"afp.com":                     "AFP",
	"bloomberg.com":               "Bloomberg",
	"nytimes.com":                 "The New York Times",
	"washingtonpost.com":          "The Washington Post",
	"wsj.com":                     "The Wall Street Journal",
	"ft.com":                      "Financial Times",
	"economist.com":               "The Economist",
	"theguardian.com":             "The Guardian",
	"guardian.co.uk":              "The Guardian",
	"bbc.com":                     "BBC",
	"bbc.co.uk":                   "BBC",
	"cnn.com":                     "CNN",
	"foxnews.com":                 "Fox News",
	"nbcnews.com":                 "NBC News",
	"cbsnews.com":                 "CBS News",
	"abcnews.go.com":              "ABC News",
	"abc.net.au":                  "ABC News (Australia)",
	"npr.org":                     "NPR",
	"pbs.org":                     "PBS",
	"politico.com":                "Politico",
	"politico.eu":                 "Politico Europe",
	"axios.com":                   "Axios",
	"thehill.com":                 "The Hill",
	"usatoday.com":                "USA Today",
	"latimes.com":                 "Los Angeles Times",
	"chicagotribune.com":          "Chicago Tribune",
	"bostonglobe.com":             "The Boston Globe",
	"nypost.com":                  "New York Post",
	"newsweek.com":                "Newsweek",
	"time.com":                    "Time",
	"theatlantic.com":             "The Atlantic",
	"newyorker.com":               "The New Yorker",
	"vox.com":                     "Vox",
	"businessinsider.com":         "Business Insider",
	"insider.com":                 "Insider",
	"cnbc.com":                    "CNBC",
	"forbes.com":                  "Forbes",
	"fortune.com":                 "Fortune",
	"huffpost.com":                "HuffPost",
	"thedailybeast.com":           "The Daily Beast",
	"msnbc.com":                   "MSNBC",
	"voanews.com":                 "Voice of America",
	"rferl.org":                   "Radio Free Europe/Radio Liberty",
	"aljazeera.com":               "Al Jazeera",
	"telegraph.co.uk":             "The Telegraph",
	"independent.co.uk":           "The Independent",
	"thetimes.co.uk":              "The Times",
	"thetimes.com":                "The Times",
	"dailymail.co.uk":             "Daily Mail",
	"mirror.co.uk":                "Daily Mirror",
	"thesun.co.uk":                "The Sun",
	"express.co.uk":               "Daily Express",
	"standard.co.uk":              "Evening Standard",
	"news.sky.com":                "Sky News",
	"sky.com":                     "Sky News",
	"itv.com":                     "ITV News",
	"channel4.com":                "Channel 4 News",
	"spectator.co.uk":             "The Spectator",
	"newstatesman.com":            "New Statesman",
	"irishtimes.com":              "The Irish Times",
	"rte.ie":                      "RTÉ",
	"euronews.com":                "Euronews",
	"dw.com":                      "Deutsche Welle",
	"france24.com":                "France 24",
	"rfi.fr":                      "RFI",
	"lemonde.fr":                  "Le Monde",
	"lefigaro.fr":                 "Le Figaro",
	"liberation.fr":               "Libération",
	"spiegel.de":                  "Der Spiegel",
	"zeit.de":                     "Die Zeit",
	"faz.net":                     "Frankfurter Allgemeine Zeitung",
	"sueddeutsche.de":             "Süddeutsche Zeitung",
	"welt.de":                     "Die Welt",
	"bild.de":                     "Bild",
	"tagesschau.de":               "Tagesschau",
	"elpais.com":                  "El País",
	"elmundo.es":                  "El Mundo",
	"corriere.it":                 "Corriere della Sera",
	"repubblica.it":               "la Repubblica",
	"ansa.it":                     "ANSA",
	"nos.nl":                      "NOS",
	"nzz.ch":                      "Neue Zürcher Zeitung",
	"swissinfo.ch":                "Swissinfo",
	"politiken.dk":                "Politiken",
	"svd.se":                      "Svenska Dagbladet",
	"dn.se":                       "Dagens Nyheter",
	"yle.fi":                      "Yle",
	"nrk.no":                      "NRK",
	"notesfrompoland.com":         "Notes from Poland",
	"kyivindependent.com":         "The Kyiv Independent",
	"kyivpost.com":                "Kyiv Post",
	"pravda.com.ua":               "Ukrainska Pravda",
	"ukrinform.net":               "Ukrinform",
	"ukrinform.ua":                "Ukrinform",
	"unian.info":                  "UNIAN",
	"unian.net":                   "UNIAN",
	"nv.ua":                       "NV",
	"euromaidanpress.com":         "Euromaidan Press",
	"themoscowtimes.com":          "The Moscow Times",
	"meduza.io":                   "Meduza",
	"novayagazeta.eu":             "Novaya Gazeta Europe",
	"tass.com":                    "TASS",
	"tass.ru":                     "TASS",
	"ria.ru":                      "RIA Novosti",
	"rt.com":                      "RT",
	"interfax.com":                "Interfax",
	"kommersant.ru":               "Kommersant",
	"rbc.ru":                      "RBC",
	"themoscowtimes.ru":           "The Moscow Times",
	"haaretz.com":                 "Haaretz",
	"timesofisrael.com":           "The Times of Israel",
	"jpost.com":                   "The Jerusalem Post",
	"arabnews.com":                "Arab News",
	"thenationalnews.com":         "The National",
	"dailysabah.com":              "Daily Sabah",
	"hurriyetdailynews.com":       "Hürriyet Daily News",
	"timesofindia.indiatimes.com": "The Times of India",
	"indiatimes.com":              "The Times of India",
	"hindustantimes.com":          "Hindustan Times",
	"thehindu.com":                "The Hindu",
	"indianexpress.com":           "The Indian Express",
	"ndtv.com":                    "NDTV",
	"dawn.com":                    "Dawn",
	"scmp.com":                    "South China Morning Post",
	"straitstimes.com":            "The Straits Times",
	"channelnewsasia.com":         "CNA",
	"japantimes.co.jp":            "The Japan Times",
	"asia.nikkei.com":             "Nikkei Asia",
	"nikkei.com":                  "Nikkei",
	"koreaherald.com":             "The Korea Herald",
	"koreatimes.co.kr":            "The Korea Times",
	"yna.co.kr":                   "Yonhap",
	"globaltimes.cn":              "Global Times",
	"xinhuanet.com":               "Xinhua",
	"chinadaily.com.cn":           "China Daily",
	"smh.com.au":                  "The Sydney Morning Herald",
	"theage.com.au":               "The Age",
	"theaustralian.com.au":        "The Australian",
	"nzherald.co.nz":              "The New Zealand Herald",
	"cbc.ca":                      "CBC News",
	"theglobeandmail.com":         "The Globe and Mail",
	"nationalpost.com":            "National Post",
	"thestar.com":                 "Toronto Star",
	"globalnews.ca":               "Global News",
	"news24.com":                  "News24",
	"dailymaverick.co.za":         "Daily Maverick",
	"nation.africa":               "Nation",
	"premiumtimesng.com":          "Premium Times",
	"theafricareport.com":         "The Africa Report",
	"folha.uol.com.br":            "Folha de S.Paulo",
	"globo.com":                   "O Globo",
	"clarin.com":                  "Clarín",
	"eluniversal.com.mx":          "El Universal",
	"buenosairesherald.com":       "Buenos Aires Herald",
	"theintercept.com":            "The Intercept",
	"propublica.org":              "ProPublica",
	"motherjones.com":             "Mother Jones",
	"slate.com":                   "Slate",
	"salon.com":                   "Salon",
	"vice.com":                    "Vice",
	"wired.com":                   "Wired",
	"theverge.com":                "The Verge",
	"arstechnica.com":             "Ars Technica",
	"techcrunch.com":              "TechCrunch",
	"yahoo.com":                   "Yahoo News",
	"news.yahoo.com":              "Yahoo News",
	"msn.com":                     "MSN",
	"newsmax.com":                 "Newsmax",
	"breitbart.com":               "Breitbart",
	"washingtonexaminer.com":      "Washington Examiner",
	"nationalreview.com":          "National Review",
	"thenation.com":               "The Nation",
	"foreignpolicy.com":           "Foreign Policy",
	"foreignaffairs.com":          "Foreign Affairs",
	"defensenews.com":             "Defense News",
	"militarytimes.com":           "Military Times",
	"janes.com":                   "Janes",
	"kyodonews.net":               "Kyodo News",
	"upi.com":                     "UPI",
	"efe.com":                     "EFE",
	"dpa.com":                     "dpa",
	"anadoluajansi.com.tr":        "Anadolu Agency",
	"aa.com.tr":                   "Anadolu Agency",
	"lrt.lt":                      "LRT",
	"err.ee":                      "ERR News",
	"lsm.lv":                      "LSM",
	"balkaninsight.com":           "Balkan Insight",
	"occrp.org":                   "OCCRP",
	"bellingcat.com":              "Bellingcat",
	"theconversation.com":         "The Conversation",
}
