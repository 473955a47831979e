//! Time of the whole analysis on the hostile shapes of issue 14 at 1×, 2×, 4× and 8× their base
//! size: a linear stage doubles its time with the size, a quadratic one quadruples it.
//! Run: `cargo bench --bench linearity -- --warm-up-time 1 --measurement-time 3`.

use byline::analysis::analyze;
use byline::article::parse;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

#[path = "common/shapes.rs"]
mod shapes;

fn bench(c: &mut Criterion) {
    for (i, (name, _)) in shapes::SHAPES.iter().enumerate() {
        let mut group = c.benchmark_group(format!("linearity/{name}"));
        group.sample_size(10);
        for scale in [1, 2, 4, 8] {
            let text = shapes::text(i, scale);
            let articles = parse("shape.txt", text.as_bytes()).articles;
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::from_parameter(scale), &articles, |b, a| {
                b.iter(|| {
                    for article in a {
                        black_box(analyze(black_box(article)));
                    }
                })
            });
        }
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
