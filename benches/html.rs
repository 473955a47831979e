//! Speed of HTML to article text (MB/s of HTML) and of readability extraction on a typical
//! news page of about 150 KB: the fixture page `tests/fixtures/web/news-page.html` grown to
//! that size with the furniture real pages carry (navigation, inline scripts and styles, ad
//! slots, share bars, related-story lists) and 60 paragraphs of story.
//! Run: `cargo bench --bench html -- --warm-up-time 1 --measurement-time 3`.

use byline::article::parse::{feed, html};
use byline::fetch::page_article;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

/// A news page of about `target` bytes.
fn news_page(target: usize) -> String {
    let mut head = String::from(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>Osaka mayor sets out flood plan | The Harbour Gazette</title>\
         <meta property=\"og:site_name\" content=\"The Harbour Gazette\">\
         <meta name=\"author\" content=\"Kenji Mori\">",
    );
    // Inline scripts and styles, as pages carry them.
    for i in 0..40 {
        head.push_str(&format!(
            "<script>window.cfg{i} = {{\"slot\": \"ad-{i}\", \"sizes\": [[300, 250], [728, 90]], \"targeting\": {{\"section\": \"world\"}}}};</script>\
             <style>.c{i} {{ margin: {i}px; padding: 2px; font-family: Georgia, serif; }}</style>"
        ));
    }
    head.push_str("</head><body><header class=\"site-header\"><nav class=\"main-nav\"><ul>");
    for i in 0..60 {
        head.push_str(&format!(
            "<li><a href=\"/section/{i}\">Section {i}</a></li>"
        ));
    }
    head.push_str(
        "</ul></nav></header><main><article><h1>Osaka mayor sets out flood plan</h1>\
        <p class=\"byline\">By Kenji Mori</p>",
    );
    let paragraphs = [
        "OSAKA, Japan (Harbour Gazette) &mdash; The mayor of Osaka, Hana Sato, set out a plan on Tuesday to protect the city&rsquo;s harbour districts from the floods that have hit the coast three times in five years.",
        "&quot;We cannot wait for the next storm,&quot; Sato told reporters at <a href=\"/city-hall\">city hall</a>. &quot;The wall must be higher and it must be finished by 2030.&quot;",
        "The plan would raise the sea wall by two metres along eleven kilometres of coast and build three pumping stations, at a cost the city put at 180 billion yen, officials said on Tuesday.",
        "Opposition councillor Ren Ito said the city had promised a plan before and had not delivered. &quot;We have heard this before,&quot; he said, adding that <em>residents</em> deserved better.",
    ];
    let mut body = String::new();
    let mut i = 0;
    while head.len() + body.len() < target {
        body.push_str(&format!("<p>{}</p>\n", paragraphs[i % paragraphs.len()]));
        if i % 10 == 5 {
            body.push_str(&format!(
                "<div class=\"ad ad-inline\" id=\"ad-{i}\"><script>loadAd({i});</script><p>Advertisement</p></div>\
                 <figure><img src=\"/img/{i}.jpg\" alt=\"\"><figcaption>Workers repair the sea wall. <span class=\"credit\">Yuki Tanaka/Harbour Gazette</span></figcaption></figure>\
                 <aside class=\"related\"><ul><li><a href=\"/r/{i}\">Ferry operators warn of strike</a></li><li><a href=\"/s/{i}\">Rail drivers walk out</a></li></ul></aside>\
                 <blockquote><p>&ldquo;Every district will have a shelter within walking distance,&rdquo; the plan says.</p></blockquote>\
                 <div class=\"share-buttons\"><a href=\"#\">Share</a><button>Copy link</button></div>\n"
            ));
        }
        i += 1;
    }
    format!(
        "{head}{body}</article></main><footer class=\"site-footer\"><p>&copy; 2026</p></footer></body></html>"
    )
}

fn bench(c: &mut Criterion) {
    let page = news_page(150 * 1024);
    println!("page: {} bytes", page.len());
    let mut g = c.benchmark_group("html");
    g.throughput(Throughput::Bytes(page.len() as u64));
    g.bench_function("html_to_pieces_150k", |b| {
        b.iter(|| black_box(html::parse(black_box(&page))))
    });
    g.bench_function("html_to_article_150k", |b| {
        b.iter(|| black_box(html::article("page.html", black_box(&page))))
    });
    g.bench_function("readability_150k", |b| {
        b.iter(|| {
            black_box(page_article(
                "https://gazette.example/osaka",
                black_box(&page),
            ))
        })
    });
    g.finish();

    // A feed of 50 items with HTML content, as refresh parses it.
    let mut rss = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" \
         xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Gazette</title>",
    );
    for n in 0..50 {
        rss.push_str(&format!(
            "<item><title>Story {n}</title><guid>g-{n}</guid><link>https://gazette.example/{n}</link>\
             <pubDate>Mon, 02 Mar 2026 10:00:00 GMT</pubDate><content:encoded><![CDATA[{}]]></content:encoded></item>",
            paragraphs_html(n)
        ));
    }
    rss.push_str("</channel></rss>");
    let mut g = c.benchmark_group("feed");
    g.throughput(Throughput::Bytes(rss.len() as u64));
    g.bench_function("rss_50_items", |b| {
        b.iter(|| black_box(feed::parse(black_box(rss.as_bytes()), None)))
    });
    g.finish();
}

fn paragraphs_html(n: usize) -> String {
    (0..8)
        .map(|i| format!("<p>Paragraph {i} of story {n}: &quot;We are ready,&quot; said Mayor Rui Costa on Monday, as the dam on the Douro opened.</p>"))
        .collect()
}

criterion_group!(benches, bench);
criterion_main!(benches);
