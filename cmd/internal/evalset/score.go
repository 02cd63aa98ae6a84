package evalset

// Source is what the retrieval metrics read of one ranked source: the title
// of its article and its text.
type Source struct {
	Title string
	Text  string
}

// Metrics are the retrieval metrics over a set's answerable questions, as
// testdata/eval/README.md defines them.
type Metrics struct {
	Questions      int     `json:"questions"`
	Answerable     int     `json:"answerable"`
	RecallAt1      float64 `json:"recall_at_1"`
	RecallAt3      float64 `json:"recall_at_3"`
	RecallAt5      float64 `json:"recall_at_5"`
	MRR            float64 `json:"mrr"`
	EvidenceInTop5 float64 `json:"evidence_in_top5"`
	// Misses lists the answerable questions that lost points: no right
	// article first, or the evidence not in the top five.
	Misses []Miss `json:"misses,omitempty"`
}

// Miss says how one question fell short.
type Miss struct {
	ID        string `json:"id"`
	FirstRank int    `json:"first_rank"` // 1-based rank of the first right source, 0 if none
	Evidence  bool   `json:"evidence"`   // evidence found in the top five
}

// Score computes the metrics for ranked sources, keyed by question id (a
// question without an entry counts as having found nothing). Articles are
// matched by title against the gold titles named anywhere in qs.
func Score(qs []Question, sources map[string][]Source) Metrics {
	cat := CatalogueOf(qs)
	m := Metrics{Questions: len(qs)}
	var r1, r3, r5, rr float64
	var nEv, evHits int
	for _, q := range qs {
		if !q.Answerable {
			continue
		}
		m.Answerable++
		src := sources[q.ID]
		first := firstRight(cat, q, src)
		if first > 0 {
			rr += 1 / float64(first)
			r1 += b2f(first <= 1)
			r3 += b2f(first <= 3)
			r5 += b2f(first <= 5)
		}
		ev := true
		if q.Evidence != "" {
			nEv++
			ev = evidenceIn(q.Evidence, src[:min(5, len(src))])
			evHits += int(b2f(ev))
		}
		if first != 1 || !ev {
			m.Misses = append(m.Misses, Miss{ID: q.ID, FirstRank: first, Evidence: ev})
		}
	}
	if m.Answerable > 0 {
		n := float64(m.Answerable)
		m.RecallAt1, m.RecallAt3, m.RecallAt5, m.MRR = r1/n, r3/n, r5/n, rr/n
	}
	if nEv > 0 {
		m.EvidenceInTop5 = float64(evHits) / float64(nEv)
	}
	return m
}

// firstRight returns the 1-based rank of the first source from a right
// article, or 0.
func firstRight(cat *Catalogue, q Question, src []Source) int {
	for i, s := range src {
		id := cat.Match(s.Title)
		for _, want := range q.Articles {
			if id != "" && id == want {
				return i + 1
			}
		}
	}
	return 0
}

// evidenceIn reports whether 80% of the evidence's words are in one source.
func evidenceIn(evidence string, src []Source) bool {
	ev := normTokens(evidence)
	for _, s := range src {
		words := normTokens(s.Text)
		hit := 0
		for w := range ev {
			if words[w] {
				hit++
			}
		}
		if float64(hit) >= 0.8*float64(len(ev)) {
			return true
		}
	}
	return false
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
