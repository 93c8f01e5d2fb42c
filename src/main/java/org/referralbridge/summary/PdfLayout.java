package org.referralbridge.summary;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Flows headings, paragraphs, tables and images down US Letter pages with Helvetica (text sanitised to WinAnsi),
 * starting a new page when the next block does not fit, and puts a footer on every page when finished.
 */
final class PdfLayout implements AutoCloseable {

  record Cell(String text, boolean heading) {}

  private static final PDRectangle PAGE = PDRectangle.LETTER;
  private static final float MARGIN = 54f;
  private static final float BOTTOM = 60f;
  private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
  private static final float BODY_SIZE = 10f;
  private static final float TABLE_SIZE = 9f;
  private static final float CELL_PAD = 3.5f;
  private static final Color RULE = new Color(0x1f, 0x5f, 0xa8);
  private static final Color HEADER_FILL = new Color(0xe4, 0xea, 0xf2);
  private static final Color KEY_FILL = new Color(0xf4, 0xf6, 0xf9);
  private static final Color BORDER = new Color(0xb8, 0xc2, 0xcc);

  private final PDDocument document = new PDDocument();
  private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
  private PDPageContentStream content;
  private float y;

  PdfLayout() throws IOException {
    newPage();
  }

  PDDocument document() {
    return document;
  }

  void title(String text) throws IOException {
    for (String line : wrap(text, bold, 16f, WIDTH)) {
      show(line, bold, 16f, MARGIN, y - 16f, Color.BLACK);
      y -= 20f;
    }
    y -= 4f;
  }

  /**
   * One line of up to two labelled values ("Patient: ...", "Date of birth: ..."), the second starting at the middle
   * of the page; a null label leaves its half empty.
   */
  void fields(String label, String value, String secondLabel, String secondValue) throws IOException {
    float half = WIDTH / 2;
    List<String> first = label == null ? List.of() : fieldLines(label, value, secondLabel == null ? WIDTH : half);
    List<String> second = secondLabel == null ? List.of() : fieldLines(secondLabel, secondValue, half);
    int lines = Math.max(first.size(), second.size());
    ensure(lines * 13f);
    drawField(label, first, MARGIN);
    drawField(secondLabel, second, MARGIN + half);
    y -= lines * 13f;
  }

  private List<String> fieldLines(String label, String value, float width) throws IOException {
    float labelWidth = width(WinAnsiText.sanitize(label) + " ", bold, BODY_SIZE);
    return wrap(value, regular, BODY_SIZE, width - labelWidth - 6f);
  }

  private void drawField(String label, List<String> lines, float x) throws IOException {
    if (label == null) {
      return;
    }
    String labelText = WinAnsiText.sanitize(label) + " ";
    float labelWidth = width(labelText, bold, BODY_SIZE);
    show(labelText, bold, BODY_SIZE, x, y - BODY_SIZE, Color.BLACK);
    float lineY = y - BODY_SIZE;
    for (String line : lines) {
      show(line, regular, BODY_SIZE, x + labelWidth, lineY, Color.BLACK);
      lineY -= 13f;
    }
  }

  void heading(String text) throws IOException {
    ensure(60f); // the heading and a few lines of what follows
    y -= 10f;
    show(WinAnsiText.sanitize(text), bold, 12.5f, MARGIN, y - 12.5f, RULE);
    y -= 16f;
    content.setStrokingColor(RULE);
    content.setLineWidth(0.8f);
    content.moveTo(MARGIN, y);
    content.lineTo(MARGIN + WIDTH, y);
    content.stroke();
    y -= 6f;
  }

  void paragraph(String text) throws IOException {
    for (String line : wrap(text, regular, BODY_SIZE, WIDTH)) {
      ensure(13f);
      show(line, regular, BODY_SIZE, MARGIN, y - BODY_SIZE, Color.BLACK);
      y -= 13f;
    }
    y -= 4f;
  }

  void bullet(String text) throws IOException {
    float indent = 12f;
    List<String> lines = wrap(text, regular, BODY_SIZE, WIDTH - indent);
    for (int i = 0; i < lines.size(); i++) {
      ensure(13f);
      if (i == 0) {
        show("\u2022", regular, BODY_SIZE, MARGIN + 2f, y - BODY_SIZE, Color.BLACK);
      }
      show(lines.get(i), regular, BODY_SIZE, MARGIN + indent, y - BODY_SIZE, Color.BLACK);
      y -= 13f;
    }
    y -= 2f;
  }

  /**
   * A grid. A first row of heading cells is the header (shaded, repeated after a page break); heading cells in other
   * rows are row labels (bold). Column widths follow the content and fill the page width.
   */
  void table(List<List<Cell>> rows) throws IOException {
    if (rows.isEmpty()) {
      return;
    }
    int columns = rows.stream().mapToInt(List::size).max().orElse(0);
    float[] widths = columnWidths(rows, columns);
    boolean hasHeader = rows.get(0).stream().allMatch(Cell::heading);
    float leading = TABLE_SIZE + 2.5f;
    for (int r = 0; r < rows.size(); r++) {
      List<List<String>> lines = cellLines(rows.get(r), widths);
      float height = lines.stream().mapToInt(List::size).max().orElse(1) * leading + 2 * CELL_PAD;
      if (y - height < BOTTOM) {
        newPage();
        if (hasHeader && r > 0) {
          drawRow(rows.get(0), cellLines(rows.get(0), widths), widths, leading, true);
        }
      }
      drawRow(rows.get(r), lines, widths, leading, hasHeader && r == 0);
    }
    y -= 8f;
  }

  void image(PDImageXObject image) throws IOException {
    float height = WIDTH * image.getHeight() / image.getWidth();
    ensure(height + 8f);
    content.drawImage(image, MARGIN, y - height, WIDTH, height);
    y -= height + 8f;
  }

  /** Draws the footer on every page and returns the saved PDF. */
  byte[] finish(String footer) throws IOException {
    content.close();
    content = null;
    int pages = document.getNumberOfPages();
    for (int i = 0; i < pages; i++) {
      PDPage page = document.getPage(i);
      try (PDPageContentStream footerContent = new PDPageContentStream(document, page,
          PDPageContentStream.AppendMode.APPEND, true, true)) {
        Color grey = new Color(0x55, 0x55, 0x55);
        footerContent.setStrokingColor(BORDER);
        footerContent.setLineWidth(0.5f);
        footerContent.moveTo(MARGIN, 42f);
        footerContent.lineTo(MARGIN + WIDTH, 42f);
        footerContent.stroke();
        showOn(footerContent, WinAnsiText.sanitize(footer), regular, 8f, MARGIN, 30f, grey);
        String number = "Page " + (i + 1) + " of " + pages;
        showOn(footerContent, number, regular, 8f, MARGIN + WIDTH - width(number, regular, 8f), 30f, grey);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    document.save(out);
    return out.toByteArray();
  }

  @Override
  public void close() throws IOException {
    if (content != null) {
      content.close();
    }
    document.close();
  }

  private void drawRow(List<Cell> row, List<List<String>> lines, float[] widths, float leading, boolean header)
      throws IOException {
    float height = lines.stream().mapToInt(List::size).max().orElse(1) * leading + 2 * CELL_PAD;
    float x = MARGIN;
    for (int c = 0; c < widths.length; c++) {
      Cell cell = c < row.size() ? row.get(c) : new Cell("", false);
      Color fill = header ? HEADER_FILL : cell.heading() ? KEY_FILL : null;
      if (fill != null) {
        content.setNonStrokingColor(fill);
        content.addRect(x, y - height, widths[c], height);
        content.fill();
      }
      content.setStrokingColor(BORDER);
      content.setLineWidth(0.5f);
      content.addRect(x, y - height, widths[c], height);
      content.stroke();
      PDFont font = cell.heading() ? bold : regular;
      float lineY = y - CELL_PAD - TABLE_SIZE;
      for (String line : c < lines.size() ? lines.get(c) : List.<String>of()) {
        show(line, font, TABLE_SIZE, x + CELL_PAD, lineY, Color.BLACK);
        lineY -= leading;
      }
      x += widths[c];
    }
    y -= height;
  }

  private List<List<String>> cellLines(List<Cell> row, float[] widths) throws IOException {
    List<List<String>> lines = new ArrayList<>();
    for (int c = 0; c < row.size() && c < widths.length; c++) {
      Cell cell = row.get(c);
      lines.add(wrap(cell.text(), cell.heading() ? bold : regular, TABLE_SIZE, widths[c] - 2 * CELL_PAD));
    }
    return lines;
  }

  private float[] columnWidths(List<List<Cell>> rows, int columns) throws IOException {
    float[] natural = new float[columns];
    float[] minimum = new float[columns];
    for (List<Cell> row : rows) {
      for (int c = 0; c < row.size(); c++) {
        Cell cell = row.get(c);
        PDFont font = cell.heading() ? bold : regular;
        String text = WinAnsiText.sanitize(cell.text());
        natural[c] = Math.max(natural[c], width(text, font, TABLE_SIZE) + 2 * CELL_PAD + 1f);
        for (String word : text.split(" ")) {
          minimum[c] = Math.max(minimum[c], Math.min(width(word, font, TABLE_SIZE) + 2 * CELL_PAD + 1f, WIDTH / 3));
        }
      }
    }
    float naturalSum = sum(natural);
    float[] widths = new float[columns];
    if (naturalSum <= WIDTH) {
      for (int c = 0; c < columns; c++) {
        widths[c] = natural[c] + (WIDTH - naturalSum) * natural[c] / naturalSum;
      }
      return widths;
    }
    float minimumSum = sum(minimum);
    if (minimumSum >= WIDTH) {
      for (int c = 0; c < columns; c++) {
        widths[c] = minimum[c] * WIDTH / minimumSum;
      }
      return widths;
    }
    float slack = naturalSum - minimumSum;
    for (int c = 0; c < columns; c++) {
      widths[c] = minimum[c] + (WIDTH - minimumSum) * (natural[c] - minimum[c]) / slack;
    }
    return widths;
  }

  private static float sum(float[] values) {
    float sum = 0;
    for (float value : values) {
      sum += value;
    }
    return sum;
  }

  /** Lines of at most {@code maxWidth}, broken at spaces (and inside words longer than a line). */
  private List<String> wrap(String text, PDFont font, float size, float maxWidth) throws IOException {
    String clean = WinAnsiText.sanitize(text).strip().replaceAll(" +", " ");
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : clean.split(" ")) {
      while (width(word, font, size) > maxWidth && word.length() > 1) {
        if (line.length() > 0) {
          lines.add(line.toString());
          line.setLength(0);
        }
        int fit = 1;
        while (fit < word.length() && width(word.substring(0, fit + 1), font, size) <= maxWidth) {
          fit++;
        }
        lines.add(word.substring(0, fit));
        word = word.substring(fit);
      }
      String candidate = line.length() == 0 ? word : line + " " + word;
      if (width(candidate, font, size) <= maxWidth) {
        line.setLength(0);
        line.append(candidate);
      } else {
        lines.add(line.toString());
        line.setLength(0);
        line.append(word);
      }
    }
    if (line.length() > 0 || lines.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }

  /** Starts a new page unless {@code height} points are left on this one. */
  void keepSpace(float height) throws IOException {
    ensure(height);
  }

  private void ensure(float height) throws IOException {
    if (y - height < BOTTOM) {
      newPage();
    }
  }

  private void newPage() throws IOException {
    if (content != null) {
      content.close();
    }
    PDPage page = new PDPage(PAGE);
    document.addPage(page);
    content = new PDPageContentStream(document, page);
    y = PAGE.getHeight() - MARGIN;
  }

  private void show(String text, PDFont font, float size, float x, float baseline, Color colour) throws IOException {
    showOn(content, text, font, size, x, baseline, colour);
  }

  private static void showOn(PDPageContentStream stream, String text, PDFont font, float size, float x,
      float baseline, Color colour) throws IOException {
    stream.beginText();
    stream.setNonStrokingColor(colour);
    stream.setFont(font, size);
    stream.newLineAtOffset(x, baseline);
    stream.showText(text);
    stream.endText();
  }

  private static float width(String text, PDFont font, float size) throws IOException {
    return font.getStringWidth(text) / 1000f * size;
  }
}
