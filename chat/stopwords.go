package chat

import "strings"

// stopword holds words that carry no content for matching: English function
// words, question words, and the words readers use to talk about a
// collection rather than its subject ("report", "article", "according",
// "describe") or about its wording ("what image", "which proverb", "what
// term", "what is it called": the answer is the words, not a sentence
// holding "image"). They are left out of coverage, so "What does the report say
// about X" is judged on X alone.
var stopword = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(stopwordList) {
		m[w] = true
	}
	return m
}()

const stopwordList = `
a about above across after again against all along also although am among an and
another any anyone anything are around as at away be became because become becomes
been before being below between both but by can cannot could did do does doing done
down during each either else enough etc even ever every few for from further get gets
given go had has have having he her here hers herself him himself his how however i if
in into is it its itself just least less like made make makes many may me might more
most much must my myself neither no nor not now of off often on once one only onto or
other others otherwise our ours ourselves out over own per perhaps quite rather re
same shall she should since so some something still such than that the their theirs
them themselves then there therefore these they this those though through thus to too
toward towards under until up upon us very via was we well were what whatever when
whenever where whereas whether which while who whom whose why will with within without
would yet you your yours yourself
s t d ll ve
according article articles author authors contributor contributors report reports
writer writers text paper say says said saying describe describes described
mention mentions mentioned write writes wrote written argue argues argued tell tells
explain explains explained discuss discusses note notes noted state states stated
kind kinds way ways use used uses example examples
image images imagery metaphor metaphors analogy comparison comparisons compare compares
compared proverb proverbs phrase phrases expression expressions quote quotes quoted word
words term terms label labels call calls called
`

// anaphor holds the words that make a question lean on an earlier turn.
var anaphor = map[string]bool{
	"it": true, "its": true, "they": true, "them": true, "their": true,
	"he": true, "him": true, "his": true, "she": true, "her": true,
	"this": true, "that": true, "these": true, "those": true,
	"there": true, "such": true, "same": true, "former": true, "latter": true,
}
