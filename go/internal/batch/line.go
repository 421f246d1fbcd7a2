// One JSON object per output line, with its keys in the order the protocol shows.

package batch

import (
	"encoding/json"
	"strconv"
	"time"
)

type line struct{ b []byte }

func newLine(phase string) *line {
	l := &line{b: []byte{'{'}}
	return l.str("phase", phase)
}

func (l *line) key(k string) {
	if len(l.b) > 1 {
		l.b = append(l.b, ',')
	}
	l.b = strconv.AppendQuote(l.b, k) // keys are plain ASCII, where Go and JSON quoting agree
	l.b = append(l.b, ':')
}

func (l *line) str(k, v string) *line {
	l.key(k)
	// json.Marshal, not strconv.Quote: Go's \x escapes are not JSON.
	q, _ := json.Marshal(v) // a string always marshals
	l.b = append(l.b, q...)
	return l
}

func (l *line) int(k string, v int64) *line {
	l.key(k)
	l.b = strconv.AppendInt(l.b, v, 10)
	return l
}

func (l *line) ns(d time.Duration) *line { return l.int("ns", d.Nanoseconds()) }

func (l *line) float(k string, v float64) *line {
	l.key(k)
	l.b = strconv.AppendFloat(l.b, v, 'f', -1, 64)
	return l
}

func (l *line) end() []byte { return append(l.b, '}', '\n') }
