//! `geo-typed`: features, their names and polygon rings of `[x, y]` points.

use serde::Deserialize;

use crate::len;

#[derive(Deserialize)]
struct FeatureCollection {
    features: Vec<Feature>,
}

#[derive(Deserialize)]
struct Feature {
    properties: Properties,
    geometry: Geometry,
}

#[derive(Deserialize)]
struct Properties {
    name: String,
}

#[derive(Deserialize)]
struct Geometry {
    coordinates: Vec<Vec<[f64; 2]>>,
}

pub fn checksum(input: &[u8]) -> serde_json::Result<String> {
    let doc: FeatureCollection = serde_json::from_slice(input)?;
    let (mut rings, mut points, mut coord_bits, mut name_bytes) = (0u64, 0u64, 0u64, 0u64);
    for f in &doc.features {
        name_bytes = name_bytes.wrapping_add(len(&f.properties.name));
        for ring in &f.geometry.coordinates {
            rings += 1;
            for [x, y] in ring {
                points += 1;
                coord_bits = coord_bits
                    .wrapping_add(x.to_bits())
                    .wrapping_add(y.to_bits());
            }
        }
    }
    Ok(format!(
        "features={} rings={rings} points={points} coord_bits={coord_bits} name_bytes={name_bytes}",
        doc.features.len()
    ))
}

#[cfg(test)]
mod tests {
    // Without serde_json's float_roundtrip feature this decimal is read one ulp off
    // (as 1.9e-8), and geo's coord_bits stops matching Go and C++.
    #[test]
    fn float_roundtrip_reads_17_digit_decimals_exactly() {
        let text = "1.8999999999999998e-08";
        let x: f64 = serde_json::from_str(text).unwrap();
        assert_eq!(x.to_bits(), text.parse::<f64>().unwrap().to_bits());
    }
}
