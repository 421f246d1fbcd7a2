// geo-typed: the features of geo.json as structs, points as [2]float64.

package main

import (
	"encoding/json"
	"fmt"
	"math"
)

type geoDoc struct {
	Features []struct {
		Properties struct {
			Name string `json:"name"`
		} `json:"properties"`
		Geometry struct {
			Coordinates [][][2]float64 `json:"coordinates"`
		} `json:"geometry"`
	} `json:"features"`
}

type geoCounts struct {
	features, rings, points, coordBits, nameBytes uint64
}

func (c *geoCounts) String() string {
	return fmt.Sprintf("features=%d rings=%d points=%d coord_bits=%d name_bytes=%d",
		c.features, c.rings, c.points, c.coordBits, c.nameBytes)
}

func geoTyped(data []byte) (*geoCounts, error) {
	var doc geoDoc
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	c := &geoCounts{}
	for _, f := range doc.Features {
		c.features++
		c.nameBytes += uint64(len(f.Properties.Name))
		for _, ring := range f.Geometry.Coordinates {
			c.rings++
			for _, p := range ring {
				c.points++
				c.coordBits += math.Float64bits(p[0]) + math.Float64bits(p[1])
			}
		}
	}
	return c, nil
}
