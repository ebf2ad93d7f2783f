/**
 * Cases and her pictures: the case pages over the {@code casework} layer's cases (the same cases
 * the CLI's {@code redress case} works on), the bank page that registers fingerprints of files on
 * this computer or hash lists made elsewhere, never showing a picture, the action plan and the
 * documents page.
 */
package org.redress.web.cases;
