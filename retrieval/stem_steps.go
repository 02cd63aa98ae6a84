package retrieval

// The steps of Porter's algorithm, in order; see stem.go.

// step1ab removes plurals and -ed or -ing: "caresses" → "caress",
// "ponies" → "poni", "agreed" → "agree", "hopping" → "hop".
func (s *stemmer) step1ab() {
	switch {
	case s.ends("sses"), s.ends("ies"):
		s.b = s.b[:len(s.b)-2]
	case s.ends("ss"):
	case s.ends("s"):
		s.b = s.b[:len(s.b)-1]
	}
	if s.ends("eed") {
		if s.measure(s.stemLen("eed")) > 0 {
			s.b = s.b[:len(s.b)-1]
		}
		return
	}
	for _, suf := range []string{"ed", "ing"} {
		if s.ends(suf) && s.hasVowel(s.stemLen(suf)) {
			s.b = s.b[:s.stemLen(suf)]
			s.step1bTidy()
			return
		}
	}
}

// step1bTidy repairs the stem left by removing -ed or -ing:
// "conflat(ed)" → "conflate", "hopp(ing)" → "hop", "fil(ing)" → "file".
func (s *stemmer) step1bTidy() {
	n := len(s.b)
	switch {
	case s.ends("at"), s.ends("bl"), s.ends("iz"):
		s.b = append(s.b, 'e')
	case s.doubleCons(n):
		if c := s.b[n-1]; c != 'l' && c != 's' && c != 'z' {
			s.b = s.b[:n-1]
		}
	case s.measure(n) == 1 && s.cvc(n):
		s.b = append(s.b, 'e')
	}
}

// step1c turns a final y into i when the stem has a vowel: "happy" → "happi".
func (s *stemmer) step1c() {
	if s.ends("y") && s.hasVowel(len(s.b)-1) {
		s.b[len(s.b)-1] = 'i'
	}
}

var step2Rules = []rule{
	{"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"},
	{"izer", "ize"}, {"bli", "ble"}, {"alli", "al"}, {"entli", "ent"}, {"eli", "e"},
	{"ousli", "ous"}, {"ization", "ize"}, {"ation", "ate"}, {"ator", "ate"},
	{"alism", "al"}, {"iveness", "ive"}, {"fulness", "ful"}, {"ousness", "ous"},
	{"aliti", "al"}, {"iviti", "ive"}, {"biliti", "ble"}, {"logi", "log"},
}

var step3Rules = []rule{
	{"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"},
	{"ical", "ic"}, {"ful", ""}, {"ness", ""},
}

var step4Rules = []rule{
	{"al", ""}, {"ance", ""}, {"ence", ""}, {"er", ""}, {"ic", ""}, {"able", ""},
	{"ible", ""}, {"ant", ""}, {"ement", ""}, {"ment", ""}, {"ent", ""}, {"ion", ""},
	{"ou", ""}, {"ism", ""}, {"ate", ""}, {"iti", ""}, {"ous", ""}, {"ive", ""},
	{"ize", ""},
}

// step2 maps double suffixes to single ones: "relational" → "relate".
func (s *stemmer) step2() { s.applyRules(step2Rules, 0) }

// step3 strips -ful, -ness and friends: "hopeful" → "hope".
func (s *stemmer) step3() { s.applyRules(step3Rules, 0) }

// step4 strips the remaining suffixes from long stems: "adjustment" → "adjust".
func (s *stemmer) step4() { s.applyRules(step4Rules, 1) }

// step5 removes a final -e and reduces -ll on long stems: "probate" →
// "probat", "controll" → "control".
func (s *stemmer) step5() {
	n := len(s.b)
	if s.b[n-1] == 'e' {
		m := s.measure(n - 1)
		if m > 1 || m == 1 && !s.cvc(n-1) {
			s.b = s.b[:n-1]
			n--
		}
	}
	if n > 1 && s.b[n-1] == 'l' && s.doubleCons(n) && s.measure(n) > 1 {
		s.b = s.b[:n-1]
	}
}
