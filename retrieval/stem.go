package retrieval

// This file is M. F. Porter's 1980 suffix-stripping algorithm ("An
// algorithm for suffix stripping", Program 14(3)), with the two changes of
// his reference implementation (bli→ble, logi→log). It maps the inflected
// and derived forms a reader and an author choose differently onto one stem:
// "cooperate", "cooperation" and "cooperative" all become "cooper",
// "droughts" becomes "drought", "established" and "establishing" become
// "establish".

// porterStem stems a lowercase word. Words of two letters or fewer and words
// with non-ASCII letters are returned unchanged.
func porterStem(word string) string {
	if len(word) <= 2 {
		return word
	}
	for i := 0; i < len(word); i++ {
		if c := word[i]; c < 'a' || c > 'z' {
			return word
		}
	}
	s := &stemmer{b: []byte(word)}
	s.step1ab()
	if len(s.b) > 2 {
		s.step1c()
		s.step2()
		s.step3()
		s.step4()
		s.step5()
	}
	return string(s.b)
}

type stemmer struct{ b []byte }

// cons reports whether b[i] is a consonant; 'y' is one unless it follows a
// consonant.
func (s *stemmer) cons(i int) bool {
	switch s.b[i] {
	case 'a', 'e', 'i', 'o', 'u':
		return false
	case 'y':
		return i == 0 || !s.cons(i-1)
	}
	return true
}

// measure counts the VC sequences in b[:n], Porter's m.
func (s *stemmer) measure(n int) int {
	m, i := 0, 0
	for i < n && s.cons(i) {
		i++
	}
	for i < n {
		for i < n && !s.cons(i) {
			i++
		}
		if i >= n {
			break
		}
		m++
		for i < n && s.cons(i) {
			i++
		}
	}
	return m
}

// hasVowel reports whether b[:n] contains a vowel.
func (s *stemmer) hasVowel(n int) bool {
	for i := 0; i < n; i++ {
		if !s.cons(i) {
			return true
		}
	}
	return false
}

// doubleCons reports whether b[:n] ends in a double consonant.
func (s *stemmer) doubleCons(n int) bool {
	return n >= 2 && s.b[n-1] == s.b[n-2] && s.cons(n-1)
}

// cvc reports whether b[:n] ends consonant-vowel-consonant with the last
// consonant not w, x or y (so "hop" → "hope" but not "snow").
func (s *stemmer) cvc(n int) bool {
	if n < 3 || !s.cons(n-1) || s.cons(n-2) || !s.cons(n-3) {
		return false
	}
	c := s.b[n-1]
	return c != 'w' && c != 'x' && c != 'y'
}

func (s *stemmer) ends(suffix string) bool {
	n := len(s.b)
	return n >= len(suffix) && string(s.b[n-len(suffix):]) == suffix
}

// stemLen is the length of the word without suffix (which it must end in).
func (s *stemmer) stemLen(suffix string) int { return len(s.b) - len(suffix) }

func (s *stemmer) replace(suffix, with string) {
	s.b = append(s.b[:s.stemLen(suffix)], with...)
}

// rule is one "(m > min) SUFFIX → REPLACEMENT" line of steps 2 to 4.
type rule struct{ suffix, with string }

// applyRules applies the rule with the longest matching suffix when the
// measure of what precedes it exceeds min; like Porter's, only that rule is
// tried.
func (s *stemmer) applyRules(rules []rule, min int) {
	best := -1
	for i, r := range rules {
		if s.ends(r.suffix) && (best < 0 || len(r.suffix) > len(rules[best].suffix)) {
			best = i
		}
	}
	if best < 0 {
		return
	}
	r := rules[best]
	n := s.stemLen(r.suffix)
	if s.measure(n) <= min {
		return
	}
	if r.suffix == "ion" && (n == 0 || (s.b[n-1] != 's' && s.b[n-1] != 't')) {
		return
	}
	s.replace(r.suffix, r.with)
}
