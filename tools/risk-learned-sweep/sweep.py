# Round 11 learned-signal sweep over RiskLearnedDump's output (RISK_DUMP_OUT): python3 sweep.py <dump folder>
import json, array, sys
D=(sys.argv[1] if len(sys.argv) > 1 else '.').rstrip('/') + '/'
T={'Minimal':0,'Limited':1,'High':2,'Prohibited':3}
cases=[json.loads(l) for l in open(D+'cases.jsonl')]
N=len(cases)
BATCHES=['cases','fresh','r3','r3b','r4','r5','r6','r7','r8','r9','r10']
BI={b:i for i,b in enumerate(BATCHES)}
for c in cases:
    c['t']=T[c['Tier']]; c['acc']=set([c['t']]+[T[a] for a in (c['Accept'] or [])]); c['lo']=min(c['acc']); c['hi']=max(c['acc'])
    c['base']=T[c['Actual']]; c['b']=BI[c['Batch']]
    c['semonly']= all(h['Similarity'] is not None for h in c['Hits'] if T[h['Tier']]>=2) and any(T[h['Tier']]>=2 for h in c['Hits'])
def load(name):
    a=array.array('f'); a.frombytes(open(D+name+'.sim','rb').read()); 
    order=[]
    for i in range(N):
        row=a[i*N:(i+1)*N]
        order.append(sorted(((row[j],j) for j in range(N) if j!=i), reverse=True))
    return order
def score(idx, pred):
    n=len(idx); ok=sum(1 for i in idx if pred[i] in cases[i]['acc'])
    lower=sum(1 for i in idx if cases[i]['t']>=2 and pred[i]<cases[i]['lo'])
    higher=sum(1 for i in idx if pred[i]>cases[i]['hi'])
    return ok/n*100, lower, higher, n
def vote(order_i, allowed, k, p):
    w=[0.0]*4; top=None; got=0
    for s,j in order_i:
        if not allowed(j): continue
        if top is None: top=s
        w[cases[j]['t']]+=s**p; got+=1
        if got>=k: break
    tot=sum(w); best=max(range(4),key=lambda t:w[t])
    return best, w[best]/tot if tot else 0, top or 0, w
def combine(i, v, conf_th, sim_th, lower_mode, low_conf=None):
    base=cases[i]['base']; best,conf,top,w=v
    if best>base and conf>=conf_th and top>=sim_th: return best
    if lower_mode and base==2 and cases[i]['semonly'] and best==0 and conf>=(low_conf or conf_th) and top>=sim_th: return 0
    return base


# Nested selection (round 11, docs/ranking.md): leave-one-batch-out within the batches up to fresh-r8 only; score =
# in-tier % minus one case per Prohibited/High rated lower. Then fresh-r9 and fresh-r10 are reported with the chosen
# parameters, leave-one-batch-out over all batches and with the earlier batches only.
if __name__ == '__main__':
    res = []
    orders = {}
    tune = [i for i in range(N) if cases[i]['b'] <= BI['r8']]
    for emb in ['text', 'joined', 'mean']:
        orders[emb] = order = load(emb)
        for k in [1, 3, 5, 7, 10, 15]:
            for p in [1, 4, 16]:
                votes = {i: vote(order[i], lambda j, b=cases[i]['b']: cases[j]['b'] <= BI['r8'] and cases[j]['b'] != b, k, p) for i in tune}
                for conf_th in [0.5, 0.6, 0.7, 0.8, 0.9, 1.0]:
                    for sim_th in [0.0, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8]:
                        for lm in [0, 1]:
                            pred = {i: combine(i, votes[i], conf_th, sim_th, lm) for i in tune}
                            acc, lo, hi, n = score(tune, pred)
                            res.append((acc - lo * 100 / len(tune), acc, lo, hi, emb, k, p, conf_th, sim_th, lm))
    res.sort(key=lambda r: -r[0])
    best = res[0]
    print('chosen on <= r8:', best)
    _, _, _, _, emb, k, p, ct, st, lm = best
    for mode in ['lobo', 'earlier']:
        for b in ['r9', 'r10']:
            idx = [i for i in range(N) if cases[i]['Batch'] == b]
            bi = BI[b]
            allowed = (lambda j, bi=bi: cases[j]['b'] != bi) if mode == 'lobo' else (lambda j, bi=bi: cases[j]['b'] < bi)
            pred = {i: combine(i, vote(orders[emb][i], allowed, k, p), ct, st, lm) for i in idx}
            print(mode, b, 'screen %.1f %% lower %d higher %d' % score(idx, [c['base'] for c in cases])[:3], '-> learned %.1f %% lower %d higher %d' % score(idx, pred)[:3])
