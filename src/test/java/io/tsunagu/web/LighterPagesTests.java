package io.tsunagu.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages stay light on a phone network: every stylesheet and script a page links is versioned (WebJars
 * by the library's version, the app's own by a hash of its content) and kept by the browser for a year
 * without asking; the same file asked for without its version is revalidated (304 when unchanged);
 * text is sent compressed; and there is a favicon.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LighterPagesTests {

	private static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(/(?:webjars|css|js)/[^\"]+)\"");

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void linksEveryStaticFileWithItsVersionAndItIsKeptForAYear() throws Exception {
		List<String> assets = assetsOf(get("/login").body());
		assertThat(assets).containsExactlyInAnyOrder("/webjars/bootstrap/5.3.8/css/bootstrap.min.css",
				"/webjars/bootstrap/5.3.8/js/bootstrap.bundle.min.js", "/webjars/htmx.org/2.0.10/dist/htmx.min.js",
				assets.stream().filter(a -> a.matches("/css/tsunagu-[0-9a-f]{32}\\.css")).findFirst().orElse("/css/tsunagu-<hash>.css"),
				assets.stream().filter(a -> a.matches("/js/tsunagu-[0-9a-f]{32}\\.js")).findFirst().orElse("/js/tsunagu-<hash>.js"));
		for (String asset : assets) {
			HttpResponse<String> response = get(asset);
			assertThat(response.statusCode()).as(asset).isEqualTo(200);
			assertThat(response.headers().firstValue("Cache-Control")).as(asset).hasValue("max-age=31536000, public, immutable");
		}
	}

	@Test
	void aFileAskedForWithoutItsVersionIsRevalidatedAndAnsweredWith304WhenUnchanged() throws Exception {
		for (String path : List.of("/css/tsunagu.css", "/webjars/bootstrap/css/bootstrap.min.css")) {
			HttpResponse<String> first = get(path);
			assertThat(first.statusCode()).as(path).isEqualTo(200);
			assertThat(first.headers().firstValue("Cache-Control")).as(path).hasValue("no-cache, public");
			String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
			HttpResponse<String> again = this.http.send(HttpRequest.newBuilder(URI.create(url(path)))
				.header("If-Modified-Since", lastModified)
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(again.statusCode()).as(path + " asked again").isEqualTo(304);
			assertThat(again.body()).isEmpty();
		}
	}

	@Test
	void sendsTextCompressedToBrowsersThatAcceptIt() throws Exception {
		String stylesheet = assetsOf(get("/login").body()).stream().filter(a -> a.contains("bootstrap.min.css")).findFirst().orElseThrow();
		for (String path : List.of("/login", stylesheet)) {
			HttpResponse<byte[]> plain = this.http.send(HttpRequest.newBuilder(URI.create(url(path))).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			HttpResponse<byte[]> gzipped = this.http.send(HttpRequest.newBuilder(URI.create(url(path)))
				.header("Accept-Encoding", "gzip")
				.build(), HttpResponse.BodyHandlers.ofByteArray());
			assertThat(gzipped.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
			assertThat(gzipped.body().length).as(path + " compressed").isLessThan(plain.body().length / 2);
			assertThat(gunzip(gzipped.body())).as(path).startsWith(new String(plain.body(), StandardCharsets.UTF_8).substring(0, 40));
		}
	}

	@Test
	void hasAFaviconKeptForADay() throws Exception {
		HttpResponse<byte[]> icon = this.http.send(HttpRequest.newBuilder(URI.create(url("/favicon.ico"))).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(icon.statusCode()).isEqualTo(200);
		assertThat(icon.headers().firstValue("Content-Type").orElse("")).contains("icon");
		assertThat(icon.body()).startsWith(0, 0, 1, 0);
		assertThat(icon.headers().firstValue("Cache-Control")).hasValue("max-age=86400, public");
	}

	@Test
	void pagesAreStillNeverStored() throws Exception {
		assertThat(get("/login").headers().firstValue("Cache-Control").orElse("")).contains("no-store");
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString());
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static List<String> assetsOf(String html) {
		List<String> assets = new ArrayList<>();
		Matcher asset = ASSET.matcher(html);
		while (asset.find()) {
			assets.add(asset.group(1));
		}
		return assets;
	}

	private static String gunzip(byte[] body) throws IOException {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
