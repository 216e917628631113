// The page links its workers pairwise, so that they exchange counts and paths without the main thread.

/** Links every pair of `count` parts by a MessageChannel: peers[a][b] is a's port to b (null where a = b). */
export function linkPeers(count: number): (MessagePort | null)[][] {
  const peers = Array.from({ length: count }, () => new Array<MessagePort | null>(count).fill(null));
  for (let a = 0; a < count; a++)
    for (let b = a + 1; b < count; b++) {
      const channel = new MessageChannel();
      peers[a][b] = channel.port1;
      peers[b][a] = channel.port2;
    }
  return peers;
}
