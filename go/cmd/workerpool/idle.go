// The idle-tasks task: the memory cost of N goroutines parked on channels of their own.

package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"claimbench/internal/batch"
)

type tasksCount uint64

func (n tasksCount) String() string { return fmt.Sprintf("tasks=%d", n) }

// idleTasks starts n goroutines that each block on a receive from a channel
// of their own; ns is the time to start them and see all n running.
func idleTasks(n int) (batch.Outcome, error) {
	// Stacks of the goroutines of an earlier iteration would otherwise still
	// be resident and make this iteration's growth look smaller.
	debug.FreeOSMemory()
	before, err := rssBytes()
	if err != nil {
		return batch.Outcome{}, err
	}

	start := time.Now()
	release := make([]chan struct{}, n)
	var running, finished sync.WaitGroup
	var completed atomic.Uint64
	running.Add(n)
	finished.Add(n)
	for i := range release {
		ch := make(chan struct{})
		release[i] = ch
		go func() {
			defer finished.Done()
			running.Done()
			<-ch
			completed.Add(1)
		}()
	}
	running.Wait()
	elapsed := time.Since(start)

	after, err := rssBytes()
	for _, ch := range release {
		close(ch)
	}
	finished.Wait()
	if err != nil {
		return batch.Outcome{}, err
	}
	return batch.Outcome{
		Checksum: tasksCount(completed.Load()),
		Elapsed:  elapsed,
		Extra: []batch.Field{
			{Key: "rss_before", Value: float64(before)},
			{Key: "rss_after", Value: float64(after)},
			{Key: "bytes_per_task", Value: (float64(after) - float64(before)) / float64(n)},
		},
	}, nil
}

// rssBytes is VmRSS from /proc/self/status.
func rssBytes() (int64, error) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, err
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		// The line is "VmRSS:     1234 kB".
		rest, ok := strings.CutPrefix(s.Text(), "VmRSS:")
		if !ok {
			continue
		}
		fields := strings.Fields(rest)
		if len(fields) != 2 || fields[1] != "kB" {
			return 0, fmt.Errorf("/proc/self/status: unexpected VmRSS line %q", s.Text())
		}
		kb, err := strconv.ParseInt(fields[0], 10, 64)
		if err != nil {
			return 0, fmt.Errorf("/proc/self/status: VmRSS: %w", err)
		}
		return kb * 1024, nil
	}
	if err := s.Err(); err != nil {
		return 0, err
	}
	return 0, errors.New("/proc/self/status has no VmRSS")
}
