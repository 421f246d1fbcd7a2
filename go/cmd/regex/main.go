// Command regex is the regex batch runner go-regexp (workloads/regex/README.md):
// count the leftmost-first matches of one pattern in a haystack with Go's regexp.
package main

import (
	"fmt"
	"regexp"

	"claimbench/internal/batch"
)

var tasks = map[string]batch.Task{
	"count": {
		Input:  true,
		Params: []batch.Param{{Key: "pattern", Required: true}, {Key: "captures", Default: "false"}},
		Setup:  setup,
	},
}

func setup(haystack []byte, p batch.Params) (batch.Work, error) {
	pattern := p["pattern"]
	captures, err := p.Bool("captures")
	if err != nil {
		return batch.Work{}, err
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		return batch.Work{}, batch.Usagef("--param pattern: %v", err)
	}
	compile := func() error {
		_, err := regexp.Compile(pattern)
		return err
	}
	iterate := func() (batch.Outcome, error) {
		if captures {
			return batch.Outcome{Checksum: countGroups(re, haystack)}, nil
		}
		return batch.Outcome{Checksum: count(re, haystack)}, nil
	}
	return batch.Work{Iterate: iterate, Compile: compile}, nil
}

type counts struct {
	matches, matchBytes, groupBytes uint64
	captures                        bool
}

func (c counts) String() string {
	s := fmt.Sprintf("matches=%d match_bytes=%d", c.matches, c.matchBytes)
	if c.captures {
		s += fmt.Sprintf(" group_bytes=%d", c.groupBytes)
	}
	return s
}

func count(re *regexp.Regexp, haystack []byte) counts {
	var c counts
	for _, m := range re.FindAllIndex(haystack, -1) {
		c.matches++
		c.matchBytes += uint64(m[1] - m[0])
	}
	return c
}

func countGroups(re *regexp.Regexp, haystack []byte) counts {
	c := counts{captures: true}
	for _, m := range re.FindAllSubmatchIndex(haystack, -1) {
		c.matches++
		c.matchBytes += uint64(m[1] - m[0])
		// Pairs after the first are the groups; -1 marks one that did not participate.
		for g := 2; g < len(m); g += 2 {
			if m[g] >= 0 {
				c.groupBytes += uint64(m[g+1] - m[g])
			}
		}
	}
	return c
}

func main() { batch.Main(tasks) }
