package web

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/parallax-news/parallax/internal/api"
	"github.com/parallax-news/parallax/internal/brief"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// findBrowser returns a Chromium or Chrome binary: $PARALLAX_CHROMIUM,
// Debian's /usr/bin/chromium (scripts/chromium.sh installs it), or one
// on PATH; "" when there is none.
func findBrowser() string {
	for _, p := range []string{os.Getenv("PARALLAX_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if p == "" {
			continue
		}
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return p
		}
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// artifactDir is where screenshots go: $PARALLAX_ARTIFACTS/web-e2e when
// set (CI keeps it), else a temporary directory.
func artifactDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if base := os.Getenv("PARALLAX_ARTIFACTS"); base != "" {
		dir = filepath.Join(base, "web-e2e")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// newBrowser starts a headless Chromium for the test; the context it
// returns bounds every later action.
func newBrowser(t *testing.T, path string) (context.Context, context.CancelFunc) {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 1000),
	)
	actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, bcancel := chromedp.NewContext(actx, chromedp.WithLogf(t.Logf))
	// The first action starts the browser, which lives as long as bctx:
	// the time limit goes on a context derived after it.
	if err := chromedp.Do(bctx); err != nil {
		bcancel()
		acancel()
		t.Fatalf("start %s: %v", path, err)
	}
	ctx, cancel := context.WithTimeout(bctx, 60*time.Second)
	return ctx, func() { cancel(); bcancel(); acancel() }
}

// TestE2E_demo drives the UI in headless Chromium: it uploads the demo
// corpus through the add page, opens the bridge story, checks the
// coverage matrix has cells, opens the side-by-side copy view and saves
// a screenshot of each step.
func TestE2E_demo(t *testing.T) {
	browser := findBrowser()
	if browser == "" {
		t.Skip("no Chromium found: run scripts/chromium.sh or set PARALLAX_CHROMIUM")
	}
	demo, err := filepath.Abs(filepath.Join("..", "..", "demo"))
	if err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(demo)
	if err != nil {
		t.Fatalf("demo corpus: %v", err)
	}
	var files []string
	for _, e := range entries {
		if !e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			files = append(files, filepath.Join(demo, e.Name()))
		}
	}

	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "e2e.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	svc := api.New(st, api.Options{Brief: func(ctx context.Context, st store.Archive, id string) (*news.Brief, error) {
		return brief.Build(ctx, st, id, brief.Options{})
	}})
	ui, err := New(svc, Options{LoopbackHosts: true, Logf: t.Logf})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(ui)
	defer srv.Close()

	out := artifactDir(t)
	t.Logf("screenshots in %s", out)
	ctx, cancel := newBrowser(t, browser)
	defer cancel()
	shot := func(name string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			buf, err := chromedp.FullScreenshot(100)(ctx, tg)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(out, name), buf, 0o644)
		})
	}
	// fatal saves what the browser shows before failing the test.
	fatal := func(format string, args ...any) {
		t.Helper()
		dctx, dcancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer dcancel()
		loc, _ := chromedp.Run(dctx, chromedp.Location())
		body, _ := chromedp.Run(dctx, chromedp.Evaluate[string](`document.body ? document.body.innerText.slice(0, 2000) : ""`))
		_ = chromedp.Do(dctx, shot("failed.png"))
		t.Fatalf(format+"\nat %s:\n%s", append(args, loc, body)...)
	}
	count := func(css string) int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(`+strconv.Quote(css)+`).length`))
		if err != nil {
			t.Fatalf("count %s: %v", css, err)
		}
		return n
	}

	// 1. Upload the demo corpus through the add page.
	err = chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/add"),
		chromedp.WaitVisible(chromedp.CSS(`#add-files input[type=file]`)),
		chromedp.SetUploadFiles(chromedp.CSS(`#add-files input[type=file]`), files),
		chromedp.Click(chromedp.CSS(`#add-files button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`p.result`)),
		shot("01-added.png"),
	)
	if err != nil {
		fatal("upload the demo corpus: %v", err)
	}
	result, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`p.result`)))
	if err != nil {
		t.Fatal(err)
	}
	n, _ := st.Count(context.Background())
	if n < 7 || !strings.Contains(result, "new articles") {
		t.Fatalf("after the upload: %d articles stored, page says %q; want ≥ 7", n, result)
	}

	// 2. The story list, then the bridge story.
	err = chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`ul.stories`)),
		shot("02-stories.png"),
	)
	if err != nil {
		fatal("story list: %v", err)
	}
	if chips := count(`ul.stories li.chip`); chips < 3 {
		t.Errorf("story list shows %d outlet chips, want ≥ 3", chips)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.JSPath(`Array.from(document.querySelectorAll("a.headline")).find(a => /bridge/i.test(a.textContent))`)),
		chromedp.WaitVisible(chromedp.CSS(`#matrix`)),
		shot("03-story.png"),
	)
	if err != nil {
		fatal("open the bridge story: %v", err)
	}

	storyURL, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}

	// 3. The coverage matrix has cells, each with a stance symbol.
	if cells := count(`table.matrix td.cell`); cells == 0 {
		t.Errorf("the story's coverage matrix has no cells")
	}
	symbols, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("table.matrix td.cell")).map(e => e.textContent.trim())`))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range symbols {
		if !strings.ContainsAny(s, "●◆◐✕⊘·") {
			t.Errorf("matrix cell symbol %q is not a stance symbol", s)
			break
		}
	}

	// 4. The side-by-side copy view: the story's first copy link, else the
	// comparison form.
	copyLinks := count(`a.side-by-side`)
	open := chromedp.Click(chromedp.CSS(`.compare-form button[type=submit]`))
	if copyLinks > 0 {
		open = chromedp.Click(chromedp.CSS(`a.side-by-side`))
	} else {
		t.Log("the bridge story has no copy link; comparing its first two articles")
	}
	err = chromedp.Do(ctx,
		open,
		chromedp.WaitVisible(chromedp.CSS(`table.side`)),
		shot("04-compare.png"),
	)
	if err != nil {
		fatal("open the copy view: %v", err)
	}
	if pairs := count(`table.side tr.pair`); copyLinks > 0 && pairs == 0 {
		t.Errorf("copy view of a copy highlights no aligned passage")
	}

	// 5. On a phone the page does not scroll sideways (the matrix scrolls
	// inside its own box).
	err = chromedp.Do(ctx,
		chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile),
		chromedp.Navigate(storyURL),
		chromedp.WaitVisible(chromedp.CSS(`#matrix`)),
		shot("05-story-phone.png"),
	)
	if err != nil {
		fatal("phone view: %v", err)
	}
	overflow, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
	if err != nil {
		t.Fatal(err)
	}
	if overflow {
		t.Errorf("the story page is wider than a 390px phone screen")
	}
}
