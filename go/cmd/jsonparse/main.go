// Command jsonparse is the json-parse batch runner go-encoding-json
// (workloads/json-parse/README.md): parse a corpus with encoding/json, typed
// into structs or generic into a tree, and checksum what was parsed.
package main

import (
	"fmt"

	"claimbench/internal/batch"
)

// parseTask is a task whose iteration parses the whole input and returns its checksum.
func parseTask[C fmt.Stringer](parse func([]byte) (C, error)) batch.Task {
	return batch.Task{
		Input: true,
		Setup: func(data []byte, _ batch.Params) (batch.Work, error) {
			return batch.Work{Iterate: func() (batch.Outcome, error) {
				c, err := parse(data)
				return batch.Outcome{Checksum: c}, err
			}}, nil
		},
	}
}

var tasks = map[string]batch.Task{
	"tweets-typed":  parseTask(tweetsTyped),
	"tweets-dom":    parseTask(dom),
	"geo-typed":     parseTask(geoTyped),
	"geo-dom":       parseTask(dom),
	"catalog-typed": parseTask(catalogTyped),
	"catalog-dom":   parseTask(dom),
}

func main() { batch.Main(tasks) }
