import com.ibm.icu.text.Transliterator;
import java.nio.charset.Charset;
import java.util.*;
/**
 * Writes pinyin.txt: one line per toneless syllable, then every GB2312 or Big5 character ICU reads
 * so. Not part of the build; run once with ICU4J 76.1 (Maven Central com.ibm.icu:icu4j:76.1):
 * javac -cp icu4j-76.1.jar PinyinTable.java && java -cp icu4j-76.1.jar:. PinyinTable \
 *   > scan/src/main/resources/org/redress/scan/pinyin.txt
 */
public class PinyinTable {
  public static void main(String[] a) {
    Transliterator t = Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower");
    var gb = Charset.forName("GB2312").newEncoder();
    var big5 = Charset.forName("Big5").newEncoder();
    TreeMap<String, StringBuilder> by = new TreeMap<>();
    for (int cp = 0x4E00; cp <= 0x9FFF; cp++) {
      char c = (char) cp;
      if (!gb.canEncode(c) && !big5.canEncode(c)) continue;
      String p = t.transliterate(String.valueOf(c)).strip();
      if (!p.matches("[a-z]+")) continue;
      by.computeIfAbsent(p, k -> new StringBuilder()).append(c);
    }
    System.out.println("# Toneless pinyin of Chinese characters (GB2312 and Big5), for the trade classifier's");
    System.out.println("# sound features (homophones such as 米药 for 迷药). One line per syllable: syllable, tab,");
    System.out.println("# the characters read so (one reading each). Generated with ICU4J 76.1's Han-Latin");
    System.out.println("# transliterator (Unicode licence) by scan/tools/PinyinTable.java; do not edit.");
    by.forEach((k, v) -> System.out.println(k + "\t" + v));
  }
}
