/**
 * The models' reverse-mode autodiff: {@link org.flowcast.model.autodiff.Tensor}s recorded on a
 * {@link org.flowcast.model.autodiff.Tape}, hand-written backward passes, and every matrix product on ND4J
 * ({@link org.flowcast.model.autodiff.MatrixProducts}). Nothing outside this package touches ND4J (an
 * ArchUnit rule), so no {@code INDArray} leaves the model module.
 *
 * <h2>One style for operations</h2>
 * <ul>
 *   <li>An <b>elementary</b> operation (element-wise, a reshape or slice, one product) is a method of
 *       {@code Tensor}: {@code x.add(y)}, {@code x.sigmoid()}, {@code x.matmul(w)}.</li>
 *   <li>A <b>fused</b> operation, one that does in one pass what several elementary ones would (a dense layer
 *       with its bias and ReLU, an LSTM over a sequence, attention, a convolution stack), is a final class
 *       named for what it computes with a static method that returns the output tensor:
 *       {@code Linear.apply(x, w, b, relu)}, {@code Recurrent.lstm(p, w)}. It exists only where it measured
 *       faster than the elementary chain; its Javadoc gives the figure.</li>
 * </ul>
 *
 * <h2>Writing a fused operation</h2>
 * <ol>
 *   <li><b>Forward.</b> Compute the output into a fresh {@code float[]}, keeping what the backward pass
 *       needs (activations, not their inputs, where the derivative can be written with them). The one
 *       exception, {@code ReluDropout}, writes into a ReLU's output that nothing else reads, and says why.</li>
 *   <li><b>Node.</b> Return {@code input.node(out, shape, anyInputRequiresGrad, dy -> ...)}. The lambda is the
 *       backward pass: it receives the output's gradient {@code dy} and <i>adds</i> into each input's
 *       {@code grad()} that requires one (gradients accumulate: an input may feed several operations).
 *       {@code dy} is read by this operation alone and may be overwritten in place. On an inference tape
 *       ({@code new Tape(false)}) no node is recorded and the lambda is never kept.</li>
 *   <li><b>Gradient check.</b> Add a case to {@code DoublePrecisionGradientTest}: the operation against
 *       its formula written out in double, and its backward pass against central differences in double
 *       (forward within 1e-6, gradient within 1e-4). {@code GradientCheckTest} then checks whole blocks
 *       in float.</li>
 * </ol>
 *
 * <h2>Native scratch: buffers and aliasing</h2>
 * Operands of products live in per-thread ND4J blocks ({@code Blas.Slot}): {@code FIRST}, {@code SECOND}
 * and {@code THIRD} are an operation's own operands, valid until the same thread asks for the same slot
 * again, so an operation must finish reading a slot before it (or anything it calls) fills that slot anew,
 * and must never keep a slot's {@code Blas.Operand} past its own return; the backward lambda fills its
 * slots again. {@code PINNED} and {@code ACCUMULATOR} ({@code Blas.pin}, {@code Blas.accumulator}) hold the
 * weights an operation multiplies at every step of a sequence, and their gradient, copied once per pass
 * ({@code Recurrent}'s LSTM and GRU): an operation that pins must
 * call nothing that pins in turn before it has finished with them. A slot's memory is overwritten, never
 * freed, and shared by no two threads ({@code TwoThreads} trains on two, each with its own scratch).
 * Products write their output slot in place ({@code beta} 0 or 1); no product's output may alias one
 * of its inputs.
 */
package org.flowcast.model.autodiff;
