// Command-line half of the batch runner protocol (workloads/batch-protocol.md):
// the flags every runner takes, parsed into Options, and task parameters.

package batch

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// Options is a runner's command line after parsing.
type Options struct {
	Task       string
	Input      string // corpus path; "" when the task has none
	Params     Params
	Warmup     int // iterations reported as "warmup"
	Iterations int // iterations reported as "measure", at least 1
	Hold       bool
}

// Param is one --param key a task accepts.
type Param struct {
	Key      string
	Default  string // the value when the command line does not give the key
	Required bool   // no default: the command line must give it
}

// Params are a task's parameters: every key the task declares, with its value.
type Params map[string]string

// UsageError is a problem with how the runner was invoked (exit status 2),
// as opposed to a failure of the work itself (exit status 1).
type UsageError struct{ msg string }

func (e *UsageError) Error() string { return e.msg }

// Usagef returns a UsageError.
func Usagef(format string, a ...any) error {
	return &UsageError{fmt.Sprintf(format, a...)}
}

// IsUsage reports whether err is a usage error.
func IsUsage(err error) bool {
	var u *UsageError
	return errors.As(err, &u)
}

const synopsis = "usage: RUNNER --task TASK [--input FILE] [--param KEY=VALUE]... --warmup W --iterations N [--hold]"

// Parse reads the protocol's flags. Every error it returns is a usage error,
// except flag.ErrHelp: -h was asked for.
func Parse(args []string, tasks map[string]Task) (Options, error) {
	var o Options
	var raw []string
	fs := flag.NewFlagSet("runner", flag.ContinueOnError)
	// Errors are reported once, by the caller, in the project's "error: ..." form.
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.Task, "task", "", "task to run")
	fs.StringVar(&o.Input, "input", "", "input file, read once before the first iteration")
	fs.Func("param", "task parameter KEY=VALUE (repeatable)", func(s string) error {
		raw = append(raw, s)
		return nil
	})
	fs.IntVar(&o.Warmup, "warmup", 0, "iterations run and reported but not measured")
	fs.IntVar(&o.Iterations, "iterations", 0, "measured iterations")
	fs.BoolVar(&o.Hold, "hold", false, "after done, read stdin until EOF before exiting")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return o, err
		}
		return o, Usagef("%v", err)
	}
	if fs.NArg() > 0 {
		return o, Usagef("unexpected argument %q", fs.Arg(0))
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	for _, name := range []string{"task", "warmup", "iterations"} {
		if !given[name] {
			return o, Usagef("--%s is required", name)
		}
	}
	task, ok := tasks[o.Task]
	if !ok {
		return o, Usagef("unknown task %q (tasks: %s)", o.Task, strings.Join(Names(tasks), ", "))
	}
	if o.Warmup < 0 {
		return o, Usagef("--warmup must be at least 0, got %d", o.Warmup)
	}
	if o.Iterations < 1 {
		return o, Usagef("--iterations must be at least 1, got %d", o.Iterations)
	}
	if task.Input && o.Input == "" {
		return o, Usagef("task %q needs --input FILE", o.Task)
	}
	if !task.Input && given["input"] {
		return o, Usagef("task %q takes no --input", o.Task)
	}
	params, err := parseParams(raw, task.Params)
	if err != nil {
		return o, err
	}
	o.Params = params
	return o, nil
}

// parseParams checks KEY=VALUE pairs against the declared keys and fills in defaults.
func parseParams(raw []string, declared []Param) (Params, error) {
	known := map[string]Param{}
	var keys []string
	for _, d := range declared {
		known[d.Key] = d
		keys = append(keys, d.Key)
	}
	p := Params{}
	for _, kv := range raw {
		// The first '=' splits: a regex pattern may itself contain '='.
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			return nil, Usagef("--param %q is not KEY=VALUE", kv)
		}
		if _, ok := known[k]; !ok {
			if len(keys) == 0 {
				return nil, Usagef("unknown --param key %q (this task takes none)", k)
			}
			return nil, Usagef("unknown --param key %q (known: %s)", k, strings.Join(keys, ", "))
		}
		if _, dup := p[k]; dup {
			return nil, Usagef("--param %s given twice", k)
		}
		p[k] = v
	}
	for _, d := range declared {
		if _, ok := p[d.Key]; ok {
			continue
		}
		if d.Required {
			return nil, Usagef("--param %s=VALUE is required", d.Key)
		}
		p[d.Key] = d.Default
	}
	return p, nil
}

// Int returns parameter key as an integer of at least min.
func (p Params) Int(key string, min int) (int, error) {
	n, err := strconv.Atoi(p[key])
	if err != nil {
		return 0, Usagef("--param %s=%q is not an integer", key, p[key])
	}
	if n < min {
		return 0, Usagef("--param %s=%d must be at least %d", key, n, min)
	}
	return n, nil
}

// Bool returns parameter key as true or false.
func (p Params) Bool(key string) (bool, error) {
	switch p[key] {
	case "true":
		return true, nil
	case "false":
		return false, nil
	}
	return false, Usagef("--param %s=%q is not true or false", key, p[key])
}

// Names are the task names, sorted.
func Names(tasks map[string]Task) []string {
	names := make([]string, 0, len(tasks))
	for n := range tasks {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
