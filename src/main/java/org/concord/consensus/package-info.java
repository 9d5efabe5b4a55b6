/**
 * The consensus engine: plain Java, histograms in, results out (no persistence, no framework).
 *
 * <p>Definitions and their sources:
 *
 * <ul>
 *   <li>Quantiles: Hyndman, R. J. and Fan, Y. (1996) Sample quantiles in statistical packages. The
 *       American Statistician 50(4), 361–365. Type 7 is the default, type 6 selectable ({@link
 *       org.concord.consensus.Quantiles}).
 *   <li>COMET/GRADE rule (70% in the critical band and under 15% in the other): Williamson, P. R.
 *       et al. (2017) The COMET Handbook: version 1.0. Trials 18(Suppl 3), 280.
 *   <li>RAND/UCLA disagreement by the interpercentile range adjusted for symmetry (IPR, IPRAS, DI):
 *       Fitch, K. et al. (2001) The RAND/UCLA Appropriateness Method User's Manual. RAND
 *       MR-1269-DG-XII/RE.
 *   <li>Stability by weighted kappa between rounds: Holey, E. A. et al. (2007) An exploration of
 *       the use of simple statistics to measure consensus and stability in Delphi studies. BMC
 *       Medical Research Methodology 7, 52.
 *   <li>Group stability Δ (half the sum of absolute changes in proportions) and individual
 *       stability: see {@link org.concord.consensus.Stability} and {@link
 *       org.concord.consensus.IndividualStability}.
 *   <li>Wilcoxon signed-rank and rank-sum (Mann–Whitney) tests with the conventions of R's {@code
 *       wilcox.test}: {@link org.concord.consensus.SignedRankTest}, {@link
 *       org.concord.consensus.RankSumTest}; the normal tail by Cody's approximation as in R's
 *       {@code pnorm}.
 * </ul>
 */
package org.concord.consensus;
