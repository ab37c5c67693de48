/** What `/readyz` asks of the store: one cheap read, no writes, so it can be polled every second. */
export interface HealthStore {
  /**
   * Whether every migration this server knows is applied (a newer schema counts: a node being
   * replaced by a newer version keeps serving during a rolling upgrade).
   * @throws StoreUnavailableError (or the database's own error) when the store cannot be read.
   */
  isMigrated(): Promise<boolean>;
}
