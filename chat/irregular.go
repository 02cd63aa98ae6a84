package chat

// irregular maps common irregular past forms to their base, so "began"
// meets "begin". The bases are stemmed at start-up like any word.
var irregular = map[string]string{
	"began": "begin", "begun": "begin", "grew": "grow", "grown": "grow", "built": "build",
	"made": "make", "took": "take", "taken": "take", "gave": "give", "given": "give",
	"held": "hold", "found": "find", "led": "lead", "met": "meet", "brought": "bring",
	"won": "win", "sought": "seek", "rose": "rise", "risen": "rise", "fell": "fall",
	"fallen": "fall", "saw": "see", "seen": "see", "chose": "choose", "chosen": "choose",
	"drew": "draw", "drawn": "draw", "knew": "know", "known": "know", "wrote": "write",
	"written": "write", "spoke": "speak", "spoken": "speak", "stood": "stand", "kept": "keep",
	"sent": "send", "spent": "spend", "understood": "understand", "taught": "teach",
	"thought": "think", "paid": "pay", "told": "tell", "sold": "sell", "heard": "hear",
	"bought": "buy", "lost": "lose", "struck": "strike", "became": "become", "ran": "run",
	"went": "go", "gone": "go", "came": "come", "got": "get", "felt": "feel",
}

func init() {
	bases := irregular
	irregular = nil // stem the bases as regular words
	stemmed := make(map[string]string, len(bases))
	for k, v := range bases {
		stemmed[k] = stem(v)
	}
	irregular = stemmed
}
