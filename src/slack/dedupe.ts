// Remembers recently handled event ids, so a retried delivery is not answered twice.
export class RecentIds {
  /** In the order first seen, so the oldest is dropped first. */
  private ids = new Set<string>();

  constructor(private max = 5000) {}

  /** True the first time an id is seen; false for repeats. */
  first(id: string | undefined): boolean {
    if (!id) return true;
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.max) this.ids.delete(this.ids.values().next().value as string);
    return true;
  }
}
