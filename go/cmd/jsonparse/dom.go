// The dom tasks: decode into encoding/json's generic tree and walk all of it.

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

type domCounts struct {
	objects, arrays, keys, keyBytes, strings, stringBytes uint64
	ints, intSum, floats, floatBits, trues, falses, nulls uint64
}

func (c *domCounts) String() string {
	return fmt.Sprintf("objects=%d arrays=%d keys=%d key_bytes=%d strings=%d string_bytes=%d "+
		"ints=%d int_sum=%d floats=%d float_bits=%d true=%d false=%d null=%d",
		c.objects, c.arrays, c.keys, c.keyBytes, c.strings, c.stringBytes,
		c.ints, c.intSum, c.floats, c.floatBits, c.trues, c.falses, c.nulls)
}

// dom parses data into map[string]any / []any with json.Number leaves
// (UseNumber keeps ids above 2^53 exact) and counts the whole tree.
func dom(data []byte) (*domCounts, error) {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var root any
	if err := d.Decode(&root); err != nil {
		return nil, err
	}
	// Decode stops after one value; the input must hold nothing else.
	if _, err := d.Token(); err != io.EOF {
		return nil, errors.New("data after the top-level value")
	}
	c := &domCounts{}
	return c, c.walk(root)
}

func (c *domCounts) walk(v any) error {
	switch v := v.(type) {
	case map[string]any:
		c.objects++
		for k, e := range v {
			c.keys++
			c.keyBytes += uint64(len(k))
			if err := c.walk(e); err != nil {
				return err
			}
		}
	case []any:
		c.arrays++
		for _, e := range v {
			if err := c.walk(e); err != nil {
				return err
			}
		}
	case string:
		c.strings++
		c.stringBytes += uint64(len(v))
	case json.Number:
		return c.number(v)
	case bool:
		if v {
			c.trues++
		} else {
			c.falses++
		}
	case nil:
		c.nulls++
	default:
		return fmt.Errorf("unexpected %T in the tree", v)
	}
	return nil
}

// number classifies by the literal, as workloads/json-parse/README.md says:
// no '.', 'e' or 'E' makes an int.
func (c *domCounts) number(n json.Number) error {
	s := string(n)
	if strings.ContainsAny(s, ".eE") {
		f, err := n.Float64()
		if err != nil {
			return err
		}
		c.floats++
		c.floatBits += math.Float64bits(f)
		return nil
	}
	if i, err := strconv.ParseInt(s, 10, 64); err == nil {
		c.ints++
		c.intSum += uint64(i) // two's complement: a negative int adds 2^64 - |i|
		return nil
	}
	u, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return fmt.Errorf("integer %s fits neither int64 nor uint64", s)
	}
	c.ints++
	c.intSum += u
	return nil
}
