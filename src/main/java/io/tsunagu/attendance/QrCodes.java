package io.tsunagu.attendance;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import javax.imageio.ImageIO;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A link as a QR code that a phone's camera reads: an SVG for a page (drawn with attributes only, as the
 * pages' content security policy allows no inline style) and a PNG for a mail, both with the quiet zone
 * of four modules the standard asks for and black on white, also in a dark mode.
 */
final class QrCodes {

	private static final int QUIET_ZONE = 4;

	/** Pixels per module of the PNG: sharp when a mail shows it at half its size on a phone's screen. */
	private static final int PNG_SCALE = 10;

	/**
	 * The codes last drawn for a page, as an answer page is opened again and again with the same code: a few
	 * hundred, of some kilobytes each, the least used dropped first.
	 */
	private static final int DRAWN_KEPT = 512;

	private static final Cache<String, String> drawn = Caffeine.newBuilder().maximumSize(DRAWN_KEPT).build();

	private QrCodes() {
	}

	static String svg(String text, int displayedSize) {
		return drawn.get(displayedSize + " " + text, key -> draw(text, displayedSize));
	}

	private static String draw(String text, int displayedSize) {
		BitMatrix modules = encode(text);
		int size = modules.getWidth() + 2 * QUIET_ZONE;
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < modules.getHeight(); y++) {
			int x = 0;
			while (x < modules.getWidth()) {
				if (!modules.get(x, y)) {
					x++;
					continue;
				}
				int run = 1;
				while (x + run < modules.getWidth() && modules.get(x + run, y)) {
					run++;
				}
				path.append('M').append(x + QUIET_ZONE).append(' ').append(y + QUIET_ZONE).append('h').append(run)
					.append("v1h-").append(run).append('z');
				x += run;
			}
		}
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size + "\" width=\""
				+ displayedSize + "\" height=\"" + displayedSize + "\" shape-rendering=\"crispEdges\" aria-hidden=\"true\">"
				+ "<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path
				+ "\"/></svg>";
	}

	static byte[] png(String text) {
		BitMatrix modules = encode(text);
		int size = (modules.getWidth() + 2 * QUIET_ZONE) * PNG_SCALE;
		BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
		for (int y = 0; y < size; y++) {
			for (int x = 0; x < size; x++) {
				int mx = x / PNG_SCALE - QUIET_ZONE;
				int my = y / PNG_SCALE - QUIET_ZONE;
				boolean dark = mx >= 0 && my >= 0 && mx < modules.getWidth() && my < modules.getHeight()
						&& modules.get(mx, my);
				image.setRGB(x, y, dark ? 0xFF000000 : 0xFFFFFFFF);
			}
		}
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return png.toByteArray();
	}

	/** The modules alone; the quiet zone is added when drawing. */
	private static BitMatrix encode(String text) {
		try {
			return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("Too long for a QR code: " + text.length() + " characters", ex);
		}
	}

}
