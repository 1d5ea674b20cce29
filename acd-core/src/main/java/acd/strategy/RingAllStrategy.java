package acd.strategy;

import acd.call.Call;
import acd.queue.Member;
import java.util.List;

/**
 * Rings every available member the call has not tried at once; the first to answer wins. A
 * timeout ends the whole round, so the next one rings everyone again. Members are kept in
 * longest-idle order, so {@link #pick} (and the order of the rings) favours the longest idle.
 */
final class RingAllStrategy implements RoutingStrategy {
    private final OrderedStrategy index = new OrderedStrategy(StrategyKind.RING_ALL, MemberOrder.LONGEST_IDLE);

    @Override
    public StrategyKind kind() {
        return StrategyKind.RING_ALL;
    }

    @Override
    public void add(Member m) {
        index.add(m);
    }

    @Override
    public void remove(Member m) {
        index.remove(m);
    }

    @Override
    public int availableCount() {
        return index.availableCount();
    }

    @Override
    public Member availableAt(int i) {
        return index.availableAt(i);
    }

    @Override
    public Member pick(Call call) {
        return index.pick(call);
    }

    @Override
    public void fillRing(Call call, List<Member> out) {
        int before = out.size();
        addUntried(call, out);
        if (out.size() == before) {
            call.forgetTried();
            addUntried(call, out);
        }
    }

    private void addUntried(Call call, List<Member> out) {
        for (int i = 0, n = index.availableCount(); i < n; i++) {
            Member m = index.availableAt(i);
            if (!call.hasTried(m.agent())) {
                out.add(m);
            }
        }
    }

    @Override
    public void clear() {
        index.clear();
    }
}
