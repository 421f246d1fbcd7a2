//! `tweets-typed`: the fields the checksum reads, decoded into structs; serde_json skips
//! every other field of the corpus, as a service's decoder would.

use serde::Deserialize;

use crate::{int, len};

#[derive(Deserialize)]
struct Tweets {
    statuses: Vec<Status>,
    search_metadata: SearchMetadata,
}

#[derive(Deserialize)]
struct Status {
    id: u64,
    text: String,
    user: User,
    entities: Entities,
    retweet_count: i64,
    favorite_count: i64,
    in_reply_to_status_id: Option<u64>,
}

#[derive(Deserialize)]
struct User {
    id: u64,
    screen_name: String,
    followers_count: i64,
    verified: bool,
}

#[derive(Deserialize)]
struct Entities {
    hashtags: Vec<Hashtag>,
}

#[derive(Deserialize)]
struct Hashtag {
    text: String,
    indices: [i64; 2],
}

#[derive(Deserialize)]
struct SearchMetadata {
    max_id: u64,
}

pub fn checksum(input: &[u8]) -> serde_json::Result<String> {
    let doc: Tweets = serde_json::from_slice(input)?;
    let (mut id_sum, mut user_id_sum, mut text_bytes, mut counts) = (0u64, 0u64, 0u64, 0u64);
    let (mut verified, mut replies) = (0u64, 0u64);
    let (mut hashtags, mut hashtag_bytes, mut indices_sum) = (0u64, 0u64, 0u64);
    for s in &doc.statuses {
        id_sum = id_sum.wrapping_add(s.id);
        user_id_sum = user_id_sum.wrapping_add(s.user.id);
        text_bytes = text_bytes
            .wrapping_add(len(&s.text))
            .wrapping_add(len(&s.user.screen_name));
        counts = counts
            .wrapping_add(int(s.retweet_count))
            .wrapping_add(int(s.favorite_count))
            .wrapping_add(int(s.user.followers_count));
        verified += u64::from(s.user.verified);
        replies += u64::from(s.in_reply_to_status_id.is_some());
        for h in &s.entities.hashtags {
            hashtags += 1;
            hashtag_bytes = hashtag_bytes.wrapping_add(len(&h.text));
            indices_sum = indices_sum
                .wrapping_add(int(h.indices[0]))
                .wrapping_add(int(h.indices[1]));
        }
    }
    Ok(format!(
        "statuses={} id_sum={id_sum} user_id_sum={user_id_sum} text_bytes={text_bytes} \
         counts={counts} verified={verified} replies={replies} hashtags={hashtags} \
         hashtag_bytes={hashtag_bytes} indices_sum={indices_sum} max_id={}",
        doc.statuses.len(),
        doc.search_metadata.max_id
    ))
}
