// tweets-typed: the fields of tweets.json its checksum reads, as structs.

package main

import (
	"encoding/json"
	"fmt"
)

// Only the fields the checksum reads are declared; encoding/json skips the
// rest, as simdjson On-Demand and serde do in the other runners.
type tweetsDoc struct {
	Statuses       []tweet `json:"statuses"`
	SearchMetadata struct {
		MaxID uint64 `json:"max_id"`
	} `json:"search_metadata"`
}

type tweet struct {
	ID   uint64 `json:"id"`
	Text string `json:"text"`
	User struct {
		ID             uint64 `json:"id"`
		ScreenName     string `json:"screen_name"`
		FollowersCount int64  `json:"followers_count"`
		Verified       bool   `json:"verified"`
	} `json:"user"`
	Entities struct {
		Hashtags []struct {
			Text    string   `json:"text"`
			Indices [2]int64 `json:"indices"`
		} `json:"hashtags"`
	} `json:"entities"`
	RetweetCount      int64   `json:"retweet_count"`
	FavoriteCount     int64   `json:"favorite_count"`
	InReplyToStatusID *uint64 `json:"in_reply_to_status_id"`
}

type tweetsCounts struct {
	statuses, idSum, userIDSum, textBytes, counts, verified, replies uint64
	hashtags, hashtagBytes, indicesSum, maxID                        uint64
}

func (c *tweetsCounts) String() string {
	return fmt.Sprintf("statuses=%d id_sum=%d user_id_sum=%d text_bytes=%d counts=%d verified=%d "+
		"replies=%d hashtags=%d hashtag_bytes=%d indices_sum=%d max_id=%d",
		c.statuses, c.idSum, c.userIDSum, c.textBytes, c.counts, c.verified,
		c.replies, c.hashtags, c.hashtagBytes, c.indicesSum, c.maxID)
}

func tweetsTyped(data []byte) (*tweetsCounts, error) {
	var doc tweetsDoc
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	c := &tweetsCounts{maxID: doc.SearchMetadata.MaxID}
	for _, t := range doc.Statuses {
		c.statuses++
		c.idSum += t.ID
		c.userIDSum += t.User.ID
		c.textBytes += uint64(len(t.Text) + len(t.User.ScreenName))
		// Signed values add as two's complement, wrapping, like every sum here.
		c.counts += uint64(t.RetweetCount) + uint64(t.FavoriteCount) + uint64(t.User.FollowersCount)
		if t.User.Verified {
			c.verified++
		}
		if t.InReplyToStatusID != nil {
			c.replies++
		}
		for _, h := range t.Entities.Hashtags {
			c.hashtags++
			c.hashtagBytes += uint64(len(h.Text))
			c.indicesSum += uint64(h.Indices[0]) + uint64(h.Indices[1])
		}
	}
	return c, nil
}
