/**
 * Cases and her pictures: the workspace's case folders ({@link org.redress.web.cases.CaseStore}, a
 * stand-in until the {@code casework} layer owns cases), the case pages, and the bank page that
 * registers fingerprints of files on this computer or hash lists made elsewhere, never showing a
 * picture.
 */
package org.redress.web.cases;
