package org.equivariant4j.core.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;

/**
 * Einstein-summation products of one or two tensors, lowered to {@code sum}, {@code permute},
 * {@code reshape} and one batched {@code matmul}, so they run at GEMM speed on any backend and
 * are differentiable through those ops.
 *
 * <pre>{@code
 * Tensor y = Einsum.contract("bij,bjk->bik", a, b);   // batched matmul
 * Tensor t = Einsum.contract("gij,nj->ngi", rho, x);   // apply |G| matrices to n vectors
 * }</pre>
 *
 * Indices are single letters; each appears at most once per operand (no diagonals). An index in
 * both operands and the output is a batch index, in both operands only is contracted, in one
 * operand only and not in the output is summed out first.
 */
public final class Einsum {

    private Einsum() {
    }

    public static Tensor contract(String spec, Tensor... operands) {
        String s = spec.replace(" ", "");
        int arrow = s.indexOf("->");
        if (arrow < 0) {
            throw new InvalidArgumentException("einsum '" + spec + "': the output must be explicit, e.g. 'ij,jk->ik'");
        }
        String[] ins = s.substring(0, arrow).split(",", -1);
        String out = s.substring(arrow + 2);
        if (ins.length != operands.length || ins.length < 1 || ins.length > 2) {
            throw new InvalidArgumentException("einsum '" + spec + "': " + ins.length + " operand subscripts for "
                    + operands.length + " tensors (one or two supported)");
        }
        Map<Character, Integer> sizes = new LinkedHashMap<>();
        for (int k = 0; k < ins.length; k++) {
            checkSubscripts(spec, ins[k], operands[k], sizes);
        }
        for (char c : out.toCharArray()) {
            if (!sizes.containsKey(c) || out.indexOf(c) != out.lastIndexOf(c)) {
                throw new InvalidArgumentException("einsum '" + spec + "': output index '" + c
                        + "' must appear exactly once in the output and in some operand");
            }
        }
        if (ins.length == 1) {
            Tensor reduced = sumOutMissing(operands[0], ins[0], out);
            return permuteTo(reduced, keepOnly(ins[0], out), out);
        }
        String a = ins[0];
        String b = ins[1];
        // Indices private to one operand and absent from the output are summed out before the product.
        Tensor x = sumOutMissing(operands[0], a, out + b);
        Tensor y = sumOutMissing(operands[1], b, out + a);
        a = keepOnly(a, out + b);
        b = keepOnly(b, out + a);
        StringBuilder batch = new StringBuilder();
        StringBuilder contracted = new StringBuilder();
        StringBuilder left = new StringBuilder();
        StringBuilder right = new StringBuilder();
        for (char c : a.toCharArray()) {
            boolean inB = b.indexOf(c) >= 0;
            boolean inOut = out.indexOf(c) >= 0;
            (inB ? (inOut ? batch : contracted) : left).append(c);
        }
        for (char c : b.toCharArray()) {
            if (a.indexOf(c) < 0) {
                right.append(c);
            }
        }
        String aOrder = batch.toString() + left + contracted;
        String bOrder = batch.toString() + contracted + right;
        Tensor xp = permuteTo(x, a, aOrder).reshape(batchShape(batch, sizes, product(left, sizes), product(contracted, sizes)));
        Tensor yp = permuteTo(y, b, bOrder).reshape(batchShape(batch, sizes, product(contracted, sizes), product(right, sizes)));
        Tensor z = xp.matmul(yp);
        String zOrder = batch.toString() + left + right;
        int[] zShape = new int[zOrder.length()];
        for (int i = 0; i < zShape.length; i++) {
            zShape[i] = sizes.get(zOrder.charAt(i));
        }
        return permuteTo(z.reshape(zShape), zOrder, out);
    }

    private static void checkSubscripts(String spec, String sub, Tensor t, Map<Character, Integer> sizes) {
        if (sub.length() != t.rank()) {
            throw new ShapeMismatchException("einsum '" + spec + "': subscripts '" + sub + "' name " + sub.length()
                    + " dimensions but the tensor has shape " + Arrays.toString(t.shape()));
        }
        for (int i = 0; i < sub.length(); i++) {
            char c = sub.charAt(i);
            if (!Character.isLetter(c) || sub.indexOf(c) != i) {
                throw new InvalidArgumentException("einsum '" + spec + "': '" + sub + "' must be distinct letters");
            }
            Integer prev = sizes.putIfAbsent(c, t.size(i));
            if (prev != null && prev != t.size(i)) {
                throw new ShapeMismatchException("einsum '" + spec + "': index '" + c + "' has size " + prev + " in one operand and "
                        + t.size(i) + " in another");
            }
        }
    }

    private static Tensor sumOutMissing(Tensor t, String sub, String keep) {
        List<Integer> dims = new ArrayList<>();
        for (int i = 0; i < sub.length(); i++) {
            if (keep.indexOf(sub.charAt(i)) < 0) {
                dims.add(i);
            }
        }
        return dims.isEmpty() ? t : t.sum(dims.stream().mapToInt(Integer::intValue).toArray(), false);
    }

    private static String keepOnly(String sub, String keep) {
        StringBuilder sb = new StringBuilder();
        for (char c : sub.toCharArray()) {
            if (keep.indexOf(c) >= 0) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static Tensor permuteTo(Tensor t, String from, String to) {
        if (from.equals(to)) {
            return t;
        }
        int[] order = new int[to.length()];
        for (int i = 0; i < order.length; i++) {
            order[i] = from.indexOf(to.charAt(i));
        }
        return t.permute(order);
    }

    private static int product(CharSequence indices, Map<Character, Integer> sizes) {
        int p = 1;
        for (int i = 0; i < indices.length(); i++) {
            p *= sizes.get(indices.charAt(i));
        }
        return p;
    }

    private static int[] batchShape(CharSequence batch, Map<Character, Integer> sizes, int rows, int cols) {
        int[] shape = new int[batch.length() + 2];
        for (int i = 0; i < batch.length(); i++) {
            shape[i] = sizes.get(batch.charAt(i));
        }
        shape[batch.length()] = rows;
        shape[batch.length() + 1] = cols;
        return shape;
    }
}
