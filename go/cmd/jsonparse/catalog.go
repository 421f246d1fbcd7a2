// catalog-typed: the events, performances and area names of catalog.json as structs.

package main

import (
	"encoding/json"
	"fmt"
)

type catalogDoc struct {
	AreaNames    map[string]string `json:"areaNames"`
	Events       map[string]event  `json:"events"`
	Performances []performance     `json:"performances"`
}

type event struct {
	Description *string `json:"description"` // null adds 0 bytes
	ID          int64   `json:"id"`
	Name        string  `json:"name"`
	SubTopicIDs []int64 `json:"subTopicIds"`
	TopicIDs    []int64 `json:"topicIds"`
}

type performance struct {
	Prices []struct {
		Amount int64 `json:"amount"`
	} `json:"prices"`
	SeatCategories []struct {
		Areas []struct {
			BlockIDs []int64 `json:"blockIds"`
		} `json:"areas"`
	} `json:"seatCategories"`
}

type catalogCounts struct {
	events, eventIDSum, eventTextBytes, topicIDs, performances        uint64
	priceAmountSum, prices, areas, blockIDs, areaNames, areaNameBytes uint64
}

func (c *catalogCounts) String() string {
	return fmt.Sprintf("events=%d event_id_sum=%d event_text_bytes=%d topic_ids=%d performances=%d "+
		"price_amount_sum=%d prices=%d areas=%d block_ids=%d area_names=%d area_name_bytes=%d",
		c.events, c.eventIDSum, c.eventTextBytes, c.topicIDs, c.performances,
		c.priceAmountSum, c.prices, c.areas, c.blockIDs, c.areaNames, c.areaNameBytes)
}

func catalogTyped(data []byte) (*catalogCounts, error) {
	var doc catalogDoc
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	c := &catalogCounts{}
	for _, e := range doc.Events {
		c.events++
		c.eventIDSum += uint64(e.ID)
		c.eventTextBytes += uint64(len(e.Name))
		if e.Description != nil {
			c.eventTextBytes += uint64(len(*e.Description))
		}
		c.topicIDs += uint64(len(e.SubTopicIDs) + len(e.TopicIDs))
	}
	for _, p := range doc.Performances {
		c.performances++
		for _, price := range p.Prices {
			c.prices++
			c.priceAmountSum += uint64(price.Amount)
		}
		for _, sc := range p.SeatCategories {
			c.areas += uint64(len(sc.Areas))
			for _, a := range sc.Areas {
				c.blockIDs += uint64(len(a.BlockIDs))
			}
		}
	}
	for _, name := range doc.AreaNames {
		c.areaNames++
		c.areaNameBytes += uint64(len(name))
	}
	return c, nil
}
