package web

import (
	"fmt"
	"sort"

	"github.com/parallax-news/parallax/internal/news"
)

// graph is the cited-sources chain drawn as an inline SVG: the outlets on
// the left, the sources they cite to their right, and a source cited
// through another (Via) one column further, so that "anonymous officials
// via an outlet via three outlets" reads left to right.
type graph struct {
	Width, Height int
	Nodes         []graphNode
	Edges         []graphEdge
}

type graphNode struct {
	X, Y, W, H int
	TextX      int
	TextY      int
	Label      string // clipped
	Full       string // in the tooltip
	Class      string
}

type graphEdge struct {
	D string // the path
}

// Layout of the graph, in SVG user units.
const (
	nodeW    = 170
	nodeH    = 24
	colGap   = 50
	rowGap   = 10
	margin   = 6
	maxLabel = 26
)

// sourceGraph lays out a brief's cited sources; nil when it cites none.
func sourceGraph(b *news.Brief, refOf func(string) ref) *graph {
	if len(b.CitedSources) == 0 {
		return nil
	}
	type node struct {
		key, label, class string
		depth             int
		row               int
	}
	nodes := map[string]*node{}
	var keys []string
	add := func(key, label, class string) *node {
		if n, ok := nodes[key]; ok {
			return n
		}
		n := &node{key: key, label: label, class: class, depth: -1}
		nodes[key] = n
		keys = append(keys, key)
		return n
	}
	sources := map[string]news.CitedSource{}
	for _, cs := range b.CitedSources {
		sources[cs.Name] = cs
	}
	// Depth of a source: 1 when cited directly, one more than its Via.
	var depth func(name string, seen map[string]bool) int
	depth = func(name string, seen map[string]bool) int {
		cs, ok := sources[name]
		if !ok || cs.Via == "" || seen[name] {
			return 1
		}
		seen[name] = true
		return depth(cs.Via, seen) + 1
	}
	edges := map[[2]string]bool{}
	var edgeList [][2]string
	link := func(from, to string) {
		k := [2]string{from, to}
		if from != to && !edges[k] {
			edges[k] = true
			edgeList = append(edgeList, k)
		}
	}
	for _, cs := range b.CitedSources {
		class := "node"
		if cs.Kind == "anonymous" {
			class = "node anonymous"
		}
		n := add("s:"+cs.Name, cs.Name, class)
		n.depth = depth(cs.Name, map[string]bool{})
		target := "s:" + cs.Name
		if cs.Via != "" {
			v := add("s:"+cs.Via, cs.Via, "node")
			if _, known := sources[cs.Via]; !known {
				v.depth = 1
			}
			link("s:"+cs.Via, target)
			target = "s:" + cs.Via
		}
		for _, a := range cs.Articles {
			r := refOf(a)
			o := add("o:"+r.Label(), r.Label(), "node outlet")
			o.depth = 0
			link("o:"+r.Label(), target)
		}
	}
	for _, n := range nodes {
		if n.depth < 0 {
			n.depth = 1
		}
	}
	// Rows per column, in order of first appearance.
	perCol := map[int]int{}
	maxDepth := 0
	sort.SliceStable(keys, func(i, j int) bool { return nodes[keys[i]].depth < nodes[keys[j]].depth })
	for _, k := range keys {
		n := nodes[k]
		n.row = perCol[n.depth]
		perCol[n.depth]++
		maxDepth = max(maxDepth, n.depth)
	}
	rows := 0
	for _, c := range perCol {
		rows = max(rows, c)
	}
	g := &graph{
		Width:  2*margin + (maxDepth+1)*nodeW + maxDepth*colGap,
		Height: 2*margin + rows*nodeH + max(rows-1, 0)*rowGap,
	}
	pos := func(n *node) (x, y int) {
		return margin + n.depth*(nodeW+colGap), margin + n.row*(nodeH+rowGap)
	}
	for _, k := range keys {
		n := nodes[k]
		x, y := pos(n)
		label := n.label
		if r := []rune(label); len(r) > maxLabel {
			label = string(r[:maxLabel-1]) + "…"
		}
		g.Nodes = append(g.Nodes, graphNode{X: x, Y: y, W: nodeW, H: nodeH, TextX: x + 6, TextY: y + nodeH/2 + 4,
			Label: label, Full: n.label, Class: n.class})
	}
	for _, e := range edgeList {
		from, to := nodes[e[0]], nodes[e[1]]
		x1, y1 := pos(from)
		x2, y2 := pos(to)
		x1 += nodeW
		y1 += nodeH / 2
		y2 += nodeH / 2
		mid := (x1 + x2) / 2
		if x2 <= x1 { // same or earlier column: loop around below
			g.Edges = append(g.Edges, graphEdge{D: fmt.Sprintf("M%d %d C%d %d %d %d %d %d", x1, y1, x1+colGap, y1, x2-colGap, y2, x2, y2)})
			continue
		}
		g.Edges = append(g.Edges, graphEdge{D: fmt.Sprintf("M%d %d C%d %d %d %d %d %d", x1, y1, mid, y1, mid, y2, x2, y2)})
	}
	return g
}
