package io.tsunagu.attendance;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/**
 * Reads QR codes back as a phone's camera would, with ZXing: from a PNG (a mail's part, a screenshot) and
 * from the SVG of a page, drawn into an image first.
 */
public final class QrImages {

	private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");

	private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z");

	private QrImages() {
	}

	/** The text of the QR code in this PNG, which may show more than the code (a screenshot). */
	public static String read(byte[] png) throws IOException {
		return read(ImageIO.read(new ByteArrayInputStream(png)));
	}

	/** The text of the QR code the first {@code <svg>} of this page draws. */
	public static String readSvg(String html) throws IOException {
		String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>"));
		Matcher box = VIEW_BOX.matcher(svg);
		if (!box.find()) {
			throw new AssertionError("An SVG without a view box: " + svg);
		}
		int scale = 4;
		int size = Integer.parseInt(box.group(1)) * scale;
		BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < size; y++) {
			for (int x = 0; x < size; x++) {
				image.setRGB(x, y, 0xFFFFFF);
			}
		}
		Matcher run = RUN.matcher(svg);
		while (run.find()) {
			int x0 = Integer.parseInt(run.group(1));
			int y0 = Integer.parseInt(run.group(2));
			int length = Integer.parseInt(run.group(3));
			for (int y = y0 * scale; y < (y0 + 1) * scale; y++) {
				for (int x = x0 * scale; x < (x0 + length) * scale; x++) {
					image.setRGB(x, y, 0);
				}
			}
		}
		return read(image);
	}

	private static String read(BufferedImage image) {
		int width = image.getWidth();
		int height = image.getHeight();
		int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
		try {
			return new QRCodeReader()
				.decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels))),
						Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
				.getText();
		}
		catch (NotFoundException | com.google.zxing.ChecksumException | com.google.zxing.FormatException ex) {
			throw new AssertionError("No QR code could be read", ex);
		}
	}

}
