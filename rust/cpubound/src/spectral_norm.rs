//! spectral-norm: 10 power-method iterations of AᵀA on an N-vector, as in the Benchmarks
//! Game's spectralnorm.c, each dot product summed from j = 0 upwards as C does.

/// A(i, j) = 1 / ((i+j)(i+j+1)/2 + i + 1), with the division in integers first as in C.
fn eval_a(i: usize, j: usize) -> f64 {
    1.0 / ((i + j) * (i + j + 1) / 2 + i + 1) as f64
}

fn a_times_u(u: &[f64], au: &mut [f64]) {
    for (i, out) in au.iter_mut().enumerate() {
        let mut sum = 0.0;
        for (j, &uj) in u.iter().enumerate() {
            sum += eval_a(i, j) * uj;
        }
        *out = sum;
    }
}

fn at_times_u(u: &[f64], au: &mut [f64]) {
    for (i, out) in au.iter_mut().enumerate() {
        let mut sum = 0.0;
        for (j, &uj) in u.iter().enumerate() {
            sum += eval_a(j, i) * uj;
        }
        *out = sum;
    }
}

fn ata_times_u(u: &[f64], atau: &mut [f64], scratch: &mut [f64]) {
    a_times_u(u, scratch);
    at_times_u(scratch, atau);
}

/// One iteration of the task: the norm for an n×n matrix, from scratch.
pub fn run(n: usize) -> f64 {
    let mut u = vec![1.0; n];
    let mut v = vec![0.0; n];
    let mut scratch = vec![0.0; n];
    for _ in 0..10 {
        ata_times_u(&u, &mut v, &mut scratch);
        ata_times_u(&v, &mut u, &mut scratch);
    }
    let (mut vbv, mut vv) = (0.0, 0.0);
    for (ui, vi) in u.iter().zip(&v) {
        vbv += ui * vi;
        vv += vi * vi;
    }
    (vbv / vv).sqrt()
}

pub fn checksum(n: usize) -> String {
    format!("norm={:.9}", run(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    // The Benchmarks Game's published output for n = 100.
    #[test]
    fn published_output_n100() {
        assert_eq!(checksum(100), "norm=1.274219991");
    }

    #[test]
    fn one_by_one() {
        // A = [1]: the norm is exactly 1.
        assert_eq!(checksum(1), "norm=1.000000000");
    }
}
