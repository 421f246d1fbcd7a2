//! `catalog-typed`: events (an object keyed by id), performances and area names.

use std::collections::HashMap;

use serde::Deserialize;

use crate::{int, len};

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Catalog {
    area_names: HashMap<String, String>,
    events: HashMap<String, Event>,
    performances: Vec<Performance>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Event {
    id: i64,
    name: String,
    description: Option<String>,
    sub_topic_ids: Vec<i64>,
    topic_ids: Vec<i64>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Performance {
    prices: Vec<Price>,
    seat_categories: Vec<SeatCategory>,
}

#[derive(Deserialize)]
struct Price {
    amount: i64,
}

#[derive(Deserialize)]
struct SeatCategory {
    areas: Vec<Area>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Area {
    block_ids: Vec<i64>,
}

pub fn checksum(input: &[u8]) -> serde_json::Result<String> {
    let doc: Catalog = serde_json::from_slice(input)?;
    let (mut event_id_sum, mut event_text_bytes, mut topic_ids) = (0u64, 0u64, 0u64);
    for e in doc.events.values() {
        event_id_sum = event_id_sum.wrapping_add(int(e.id));
        event_text_bytes = event_text_bytes
            .wrapping_add(len(&e.name))
            .wrapping_add(e.description.as_deref().map_or(0, len));
        topic_ids += (e.sub_topic_ids.len() + e.topic_ids.len()) as u64;
    }
    let (mut price_amount_sum, mut prices, mut areas, mut block_ids) = (0u64, 0u64, 0u64, 0u64);
    for p in &doc.performances {
        for price in &p.prices {
            prices += 1;
            price_amount_sum = price_amount_sum.wrapping_add(int(price.amount));
        }
        for category in &p.seat_categories {
            for area in &category.areas {
                areas += 1;
                block_ids += area.block_ids.len() as u64;
            }
        }
    }
    let area_name_bytes = doc
        .area_names
        .values()
        .fold(0u64, |sum, name| sum.wrapping_add(len(name)));
    Ok(format!(
        "events={} event_id_sum={event_id_sum} event_text_bytes={event_text_bytes} \
         topic_ids={topic_ids} performances={} price_amount_sum={price_amount_sum} \
         prices={prices} areas={areas} block_ids={block_ids} area_names={} \
         area_name_bytes={area_name_bytes}",
        doc.events.len(),
        doc.performances.len(),
        doc.area_names.len()
    ))
}
