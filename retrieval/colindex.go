package retrieval

import "math"

// colIndex holds the chunk vectors a second time, quantised to one byte a
// value and stored dimension by dimension, for the first pass of the dense
// scan. A question's vector has a few dozen non-zero dimensions, so the
// pass reads only those dimensions' columns: sequential bytes, some thirty
// times fewer than multiplying every stored vector would read. Its
// approximate scores choose the candidates that the exact vectors then rank.
//
// Slots match Store.list: slot i holds the vector of list[i].
type colIndex struct {
	dims  int
	cols  [][]int8  // cols[j][slot]: dimension j of each vector, scaled
	scale []float32 // per slot: the value one unit of cols stands for
}

func newColIndex(dims int) *colIndex {
	return &colIndex{dims: dims, cols: make([][]int8, dims)}
}

// push appends v as the last slot.
func (c *colIndex) push(v []float32) {
	var m float32
	for _, x := range v {
		m = max(m, float32(math.Abs(float64(x))))
	}
	scale := m / 127
	if scale == 0 {
		scale = 1
	}
	for j := range c.cols {
		var q int8
		if j < len(v) {
			q = int8(math.Round(float64(v[j] / scale)))
		}
		c.cols[j] = append(c.cols[j], q)
	}
	c.scale = append(c.scale, scale)
}

// pop moves the last slot into slot i and shrinks by one, as Store.list
// does when an entry leaves.
func (c *colIndex) pop(i int) {
	last := len(c.scale) - 1
	for j, col := range c.cols {
		col[i] = col[last]
		c.cols[j] = col[:last]
	}
	c.scale[i] = c.scale[last]
	c.scale = c.scale[:last]
}

// scores returns the approximate similarity of q to the slots lo..hi-1.
// The query's values are quantised too (to 16 bits), so that the inner loop
// is integer multiply-adds, with no conversions: a sum of at most a few
// hundred products of 127 and 32767 fits an int32 with room to spare.
func (c *colIndex) scores(q sparseVec, lo, hi int) []float32 {
	var m float32
	for _, w := range q.val {
		m = max(m, float32(math.Abs(float64(w))))
	}
	qscale := m / 32767
	if qscale == 0 {
		qscale = 1
	}
	acc := make([]int32, hi-lo)
	for k, j := range q.idx {
		w := int32(math.Round(float64(q.val[k] / qscale)))
		col := c.cols[j][lo:hi]
		acc := acc[:len(col)]
		for d, x := range col {
			acc[d] += w * int32(x)
		}
	}
	out := make([]float32, len(acc))
	for d, a := range acc {
		out[d] = float32(a) * qscale * c.scale[lo+d]
	}
	return out
}
