// The pipeline task: one reader, a buffered channel, N goroutine workers that
// decode, validate and aggregate events per user, then a merge.

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"sync"
)

// event holds the fields validation reads. Value is a pointer because 0 is
// valid and a missing or null value is not.
type event struct {
	User  string `json:"user"`
	Kind  string `json:"kind"`
	Value *int64 `json:"value"`
	TS    int64  `json:"ts"`
}

const maxValue = 1_000_000_000

// valid is the rule of workloads/worker-pool/README.md. A missing or null
// user, kind or ts decodes to "" or 0, which the rule rejects anyway.
func (e *event) valid() bool {
	switch e.Kind {
	case "view", "click", "cart", "buy":
	default:
		return false
	}
	return e.User != "" && e.Value != nil && *e.Value >= 0 && *e.Value <= maxValue && e.TS > 0
}

type agg struct{ count, sum uint64 }

// partial is what one worker found.
type partial struct {
	valid, invalid uint64
	users          map[string]agg
}

type pipelineCounts struct {
	valid, invalid, users, valueSum, userHash uint64
}

func (c pipelineCounts) String() string {
	return fmt.Sprintf("valid=%d invalid=%d users=%d value_sum=%d user_hash=%d",
		c.valid, c.invalid, c.users, c.valueSum, c.userHash)
}

// pipeline pushes every line of data through the pool once.
func pipeline(data []byte, workers, capacity int) pipelineCounts {
	lines := make(chan []byte, capacity)
	go func() {
		defer close(lines)
		for len(data) > 0 {
			line, rest, _ := bytes.Cut(data, []byte{'\n'})
			lines <- line
			data = rest
		}
	}()

	partials := make([]partial, workers)
	var wg sync.WaitGroup
	for w := range partials {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Stored once at the end: workers counting into adjacent slice
			// elements would share cache lines.
			partials[w] = work(lines)
		}()
	}
	wg.Wait()
	return merge(partials)
}

// work is one worker: it takes lines until the channel is closed and drained.
func work(lines <-chan []byte) partial {
	p := partial{users: map[string]agg{}}
	for line := range lines {
		var e event
		// A line that does not decode is invalid, not an error.
		if json.Unmarshal(line, &e) != nil || !e.valid() {
			p.invalid++
			continue
		}
		p.valid++
		a := p.users[e.User]
		a.count++
		a.sum += uint64(*e.Value)
		p.users[e.User] = a
	}
	return p
}

func merge(partials []partial) pipelineCounts {
	var c pipelineCounts
	users := map[string]agg{}
	for _, p := range partials {
		c.valid += p.valid
		c.invalid += p.invalid
		for u, a := range p.users {
			t := users[u]
			t.count += a.count
			t.sum += a.sum
			users[u] = t
		}
	}
	h := fnv.New64a()
	for u, a := range users {
		c.users++
		c.valueSum += a.sum
		h.Reset()
		h.Write([]byte(u))
		c.userHash += h.Sum64() * a.count
	}
	return c
}
